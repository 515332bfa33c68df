package io.brief2image.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The detail of an error report: technical, but never an absolute path or a secret. */
class DetailTest {

    static final String HERE = Path.of("").toAbsolutePath().toString();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/tmp/junit123/outbox/hero/hero-1.png: No space left on device|…/hero/hero-1.png: No space left on device",
            "cannot write C:\\Users\\ana\\brief2image\\failed\\x.json now|cannot write …\\failed\\x.json now",
            "POST http://127.0.0.1:8080/v1/images/generations failed|POST http://127.0.0.1:8080/v1/images/generations failed",
            "key sk-proj-abcdefghijklmnopqrstuvwxyz was refused|key sk-proj… was refused",
            "Authorization: Bearer abc.def-ghi_jkl123 rejected|Authorization: Bearer … rejected",
            "1/2 of the images, ratio 3:2|1/2 of the images, ratio 3:2"})
    void pathsAreCutAndSecretsMasked(String text, String scrubbed) {
        assertThat(Detail.scrub(text)).isEqualTo(scrubbed);
        assertThat(Detail.scrub(Detail.scrub(text))).as("scrubbing twice changes nothing").isEqualTo(scrubbed);
    }

    @Test
    void aPathInsideTheWorkingDirectoryBecomesRelative() {
        assertThat(Detail.scrub("cannot read " + HERE + "/data/ledger/x.json")).isEqualTo("cannot read data/ledger/x.json");
    }

    @Test
    void theCauseChainIsNamedWithoutWrappersThatOnlyRepeatIt() {
        Exception disk = new FileSystemException("/srv/b2i/outbox/a/a-1.png", null, "No space left on device");
        assertThat(Detail.of(new UncheckedIOException(new IOException("writing a-1.png", disk))))
                .isEqualTo("IOException: writing a-1.png; caused by FileSystemException: …/a/a-1.png: No space left on device");
    }

    @Test
    void aReasonIsAlwaysASentence() {
        assertThat(new BriefFailure("render", "the image service did not answer").reason()).isEqualTo("The image service did not answer.");
        assertThat(new BriefFailure("render", "Done?").reason()).isEqualTo("Done?");
    }
}
