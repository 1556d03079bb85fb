package dev.revisit.collector.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.revisit.collector.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published schema is the generated one, accepts the samples and rejects a broken file. */
class DecisionsSchemaTest {

    private static final Path PUBLISHED = Path.of("../docs/schema/decisions.schema.json");

    private static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(PUBLISHED), InputFormat.JSON);
    }

    @Test
    void thePublishedSchemaIsTheGeneratedOne() throws Exception {
        assertEquals(DecisionsSchema.render(Catalog.builtIn()), Files.readString(PUBLISHED),
                "regenerate it: java -jar collector/target/revisit-collector.jar schema > docs/schema/decisions.schema.json");
    }

    @Test
    void theSampleFilesValidate() throws Exception {
        try (var samples = Files.list(Path.of("../examples/decisions"))) {
            for (Path sample : samples.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                List<Error> errors = schema().validate(Files.readString(sample), InputFormat.YAML);
                assertEquals(List.of(), errors.stream().map(Error::toString).toList(), sample.toString());
            }
        }
    }

    @Test
    void aBrokenFileFailsIt() throws Exception {
        List<String> errors = schema().validate(Files.readString(Path.of("src/test/resources/decisions/broken.yaml")),
                InputFormat.YAML).stream().map(Error::toString).toList();
        String all = String.join("\n", errors);
        assertTrue(all.contains("/decisions/0/area"), all);                       // cachin
        assertTrue(all.contains("/decisions/0/assumptions/0/signal"), all);       // cache.hit_rate
        assertTrue(all.contains("/decisions/0/assumptions/1/expect"), all);       // "< 50" on a latency
        assertTrue(all.contains("/decisions/0/assumptions/3/scope"), all);        // service.nam
        assertTrue(all.contains("/decisions/0/assumptions/3/window"), all);       // 1x
        assertTrue(all.contains("colour"), all);                                  // unknown field
        assertTrue(all.contains("/decisions/2") && all.contains("id"), all);      // missing id
    }
}
