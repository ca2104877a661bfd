package org.vnetlab.kernel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/events.md documents every event type the codec knows. */
class EventsDocTest {

    @Test
    void givenEveryEventType_whenReadingDocsEvents_thenEachHasASection() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "events.md"));
        for (String type : EventCodec.typeNames()) {
            assertThat(doc).as("docs/events.md section for " + type).contains("\n### " + type + "\n");
            assertThat(doc).as("docs/events.md example for " + type).contains("{\"type\":\"" + type + "\"");
        }
    }
}
