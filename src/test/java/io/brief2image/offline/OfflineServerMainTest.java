package io.brief2image.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OfflineServerMainTest {

    @Test
    void optionsAreReadFromTheCommandLineWithFaultsOffUnlessAsked() {
        assertThat(OfflineServerMain.parse(new String[0])).isEqualTo(OfflineOptions.defaults());
        assertThat(OfflineServerMain.parse(new String[] {"--port", "8089", "--latency-ms", "250", "--image-bytes", "4096", "--faults"}))
                .isEqualTo(new OfflineOptions(8089, 250, 4096, true));
        assertThat(OfflineServerMain.parse(new String[] {"--batch-delay-ms", "3000", "--download-bytes-per-second", "400000"}))
                .isEqualTo(OfflineOptions.defaults().withBatchDelayMillis(3000).withDownloadBytesPerSecond(400_000));
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> OfflineServerMain.parse(new String[] {"--port"}))
                .hasMessage("--port needs a whole number after it.");
        assertThatThrownBy(() -> OfflineServerMain.parse(new String[] {"--latency-ms", "soon"}))
                .hasMessage("--latency-ms needs a whole number, got 'soon'.");
        assertThatThrownBy(() -> OfflineServerMain.parse(new String[] {"--chaos"}))
                .hasMessage("Unknown option '--chaos'.");
    }
}
