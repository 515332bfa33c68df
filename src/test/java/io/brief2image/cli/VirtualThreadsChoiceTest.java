package io.brief2image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualThreadsChoiceTest {

    private final String before = System.getProperty(Brief2Image.VIRTUAL_THREADS);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Brief2Image.VIRTUAL_THREADS);
        } else {
            System.setProperty(Brief2Image.VIRTUAL_THREADS, before);
        }
    }

    @Test
    void onJdk24AndLaterCamelUsesVirtualThreadsUnlessTheOperatorSaidOtherwise() {
        System.clearProperty(Brief2Image.VIRTUAL_THREADS);
        Brief2Image.preferVirtualThreads(17);
        assertThat(System.getProperty(Brief2Image.VIRTUAL_THREADS)).isNull();
        Brief2Image.preferVirtualThreads(21);
        assertThat(System.getProperty(Brief2Image.VIRTUAL_THREADS)).isNull();

        Brief2Image.preferVirtualThreads(25);
        assertThat(System.getProperty(Brief2Image.VIRTUAL_THREADS)).isEqualTo("true");

        System.setProperty(Brief2Image.VIRTUAL_THREADS, "false");
        Brief2Image.preferVirtualThreads(25);
        assertThat(System.getProperty(Brief2Image.VIRTUAL_THREADS)).isEqualTo("false");
    }
}
