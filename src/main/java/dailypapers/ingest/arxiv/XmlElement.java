package dailypapers.ingest.arxiv;

import dailypapers.ingest.TextFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree read with StAX, for one record or one feed entry at a time: local name, namespace,
 * attributes, text and children. Enough for OAI-PMH and Atom without a DOM.
 */
record XmlElement(String namespace, String name, Map<String, String> attributes, String text,
        List<XmlElement> children) {

    /** A namespace-aware reader that refuses DTDs and external entities (no XXE from an upstream). */
    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Reads the element the reader is positioned on (a START_ELEMENT) and leaves it on its END_ELEMENT. */
    static XmlElement read(XMLStreamReader reader) throws XMLStreamException {
        String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        String name = reader.getLocalName();
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(read(reader));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(namespace, name, attributes, text.toString(), List.copyOf(children));
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("document ended inside <"
                        + name + ">");
                default -> {
                }
            }
        }
    }

    Optional<XmlElement> child(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).findFirst();
    }

    List<XmlElement> all(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).toList();
    }

    /** The text of the first child of that name, cleaned by {@link TextFields#clean}; null when absent or blank. */
    String childText(String localName) {
        return child(localName).map(c -> TextFields.clean(c.text)).filter(t -> !t.isEmpty()).orElse(null);
    }

    /** The attribute's value, cleaned by {@link TextFields#clean}; null when absent. */
    String attribute(String localName) {
        return TextFields.clean(attributes.get(localName));
    }

    /** A whole number in a paging attribute or element; -1 (unknown) when absent or not a number. */
    static long number(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
