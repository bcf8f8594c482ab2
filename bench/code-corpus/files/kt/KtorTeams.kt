import io.ktor.server.application.*
import io.ktor.server.response.*
import io.ktor.http.*
import org.apache.commons.text.StringEscapeUtils
import java.sql.DriverManager

suspend fun teamsByHeader(call: ApplicationCall) {
    val team = call.request.headers["X-Team"]
    val conn = DriverManager.getConnection("jdbc:postgresql://db/app")
    val rs = conn.createStatement().executeQuery("SELECT * FROM members WHERE team = '$team'")
    call.respondText(rs.toString())
}

suspend fun teamsByHeaderBound(call: ApplicationCall) {
    val team = call.request.headers["X-Team"]
    val conn = DriverManager.getConnection("jdbc:postgresql://db/app")
    val ps = conn.prepareStatement("SELECT * FROM members WHERE team = ?")
    ps.setString(1, team)
    call.respondText(ps.executeQuery().toString())
}

suspend fun banner(call: ApplicationCall) {
    val motto = call.request.cookies["motto"]
    call.respondText("<div class='motto'>$motto</div>", ContentType.Text.Html)
}

suspend fun bannerEscaped(call: ApplicationCall) {
    val motto = call.request.cookies["motto"]
    val shown = StringEscapeUtils.escapeHtml4(motto)
    call.respondText("<div class='motto'>$shown</div>", ContentType.Text.Html)
}
