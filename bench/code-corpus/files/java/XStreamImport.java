package com.example.importer;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.security.AnyTypePermission;
import java.io.InputStream;

public class XStreamImport {
    public Object importXml(InputStream body) {
        XStream xs = new XStream();
        xs.addPermission(AnyTypePermission.ANY);
        return xs.fromXML(body);
    }

    public Order importOrder(InputStream body) {
        XStream xs = new XStream();
        xs.allowTypes(new Class[] {Order.class});
        return (Order) xs.fromXML(body);
    }

    public static class Order {
        public String id;
    }
}
