import java.security.SecureRandom
import java.util.Random

object InviteCodes {
    fun legacyInviteToken(): String {
        val token = Random().nextLong().toString(16)
        return token
    }

    fun inviteToken(): String {
        val token = SecureRandom().nextLong().toString(16)
        return token
    }
}
