package io.brief2image.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FixedImageBytesTest {

    private final OfflineTestClient client = new OfflineTestClient();

    @Test
    void servesTheSameValidPngOfAboutTheRequestedSizeWhateverThePrompt() throws Exception {
        try (OfflineImageServer server = OfflineImageServer.start(new OfflineOptions(0, 0, 1_500_000))) {
            String url = server.baseUrl() + "/images/generations";
            byte[] first = OfflineTestClient.firstImage(client.postJson(url, Map.of("prompt", "one", "seed", 1)));
            byte[] second = OfflineTestClient.firstImage(client.postJson(url, Map.of("prompt", "two", "seed", 2)));

            assertThat(first).isEqualTo(second);
            assertThat(first.length).isBetween(1_350_000, 1_650_000);
            assertThat(OfflineTestClient.isPng(first)).isTrue();
            assertThat(OfflineTestClient.readImage(first).getWidth()).isPositive();
        }
    }
}
