package io.brief2image.render;

import io.brief2image.http.MalformedReplyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The seeds a Stable Diffusion WebUI server used come from its info string, whatever was asked. */
class SdWebUiInfoTest {

    @Test
    void allSeedsListsTheSeedOfEachImage() throws Exception {
        SdWebUiInfo info = SdWebUiInfo.parse("{\"prompt\": \"a fox\", \"seed\": 3000000001, \"all_seeds\": [3000000001, 3000000002], \"subseed\": -1}");
        assertThat(info.seedOf(0, -1)).isEqualTo(3000000001L);
        assertThat(info.seedOf(1, -1)).isEqualTo(3000000002L);
    }

    @Test
    void withoutAllSeedsTheBatchCountsUpFromSeed() throws Exception {
        SdWebUiInfo info = SdWebUiInfo.parse("{\"seed\": 77}");
        assertThat(info.seedOf(0, 5)).isEqualTo(77L);
        assertThat(info.seedOf(2, 5)).isEqualTo(79L);
    }

    @Test
    void theServersReportWinsOverTheRequestedSeed() throws Exception {
        assertThat(SdWebUiInfo.parse("{\"seed\": 12, \"all_seeds\": [12]}").seedOf(0, 1234)).isEqualTo(12L);
    }

    @Test
    void withoutInfoAConcreteRequestedSeedStandsAndARandomOneIsUnknown() throws Exception {
        SdWebUiInfo none = SdWebUiInfo.parse(null);
        assertThat(none.seedOf(1, 1234)).isEqualTo(1235L);
        assertThat(none.seedOf(0, -1)).isNull();
        assertThat(SdWebUiInfo.parse("{\"prompt\": \"no seeds here\"}").seedOf(0, -1)).isNull();
    }

    @Test
    void infoThatIsNotJsonIsABrokenReply() {
        assertThatThrownBy(() -> SdWebUiInfo.parse("seed=12, steps=20")).isInstanceOf(MalformedReplyException.class);
        assertThatThrownBy(() -> SdWebUiInfo.parse("[12]")).isInstanceOf(MalformedReplyException.class);
    }
}
