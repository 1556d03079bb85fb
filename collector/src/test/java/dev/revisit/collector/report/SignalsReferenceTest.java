package dev.revisit.collector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.catalog.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/signals.md carries the catalog as the code defines it. */
class SignalsReferenceTest {

    @Test
    void theDocsEmbedTheGeneratedCatalog() throws Exception {
        String doc = Files.readString(Path.of("../docs/signals.md"));
        String begin = "<!-- catalog:begin -->\n";
        String end = "<!-- catalog:end -->";
        String embedded = doc.substring(doc.indexOf(begin) + begin.length(), doc.indexOf(end));
        assertEquals(SignalsReference.render(Catalog.builtIn()), embedded,
                "regenerate the catalog section of docs/signals.md: java -jar collector/target/revisit-collector.jar signals");
    }

    @Test
    void everySignalHasItsComputationPromqlAndQuestions() {
        String reference = SignalsReference.render(Catalog.builtIn());
        for (Signal s : Catalog.builtIn().signals()) {
            assertTrue(reference.contains("### " + s.name() + "\n"), s.name());
            assertTrue(reference.contains("- **PromQL**: `" + s.promqlTemplate() + "`"), s.name());
            assertTrue(!s.aggregation().isBlank() && !s.questions().isEmpty() && !s.description().isBlank(), s.name());
        }
    }
}
