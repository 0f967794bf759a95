package dailypapers.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.search.KeywordRanking;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ConfigsetTest {

    @Test
    void theSchemaJoinsCompoundsAtTheHyphensTheLuceneEngineJoins() throws Exception {
        byte[] schema = Configset.load().files().get("schema.xml");
        NodeList charFilters = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(schema)).getElementsByTagName("charFilter");
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < charFilters.getLength(); i++) {
            Element filter = (Element) charFilters.item(i);
            if (filter.getAttribute("class").equals("solr.PatternReplaceCharFilterFactory")) {
                patterns.add(filter.getAttribute("pattern"));
            }
        }
        assertThat(patterns).isNotEmpty().allMatch(KeywordRanking.HYPHEN_IN_WORD.pattern()::equals);
    }
}
