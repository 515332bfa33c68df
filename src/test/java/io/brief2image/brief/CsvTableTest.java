package io.brief2image.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void quotedCellsWithCommasQuotesAndNewlinesAsSpreadsheetsWriteThem() {
        CsvTable table = CsvTable.parse("\uFEFFid,prompt\r\na,\"a cat, \"\"grumpy\"\"\nsecond line\"\r\nb,plain\r\n\r\n");
        assertThat(table.header().values()).containsExactly("id", "prompt");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).values()).containsExactly("a", "a cat, \"grumpy\"\nsecond line");
        assertThat(table.standalone(1)).isEqualTo("id,prompt\nb,plain\n");
        assertThat(table.standalone(0)).isEqualTo("id,prompt\na,\"a cat, \"\"grumpy\"\"\nsecond line\"\n");
    }

    @Test
    void anUnclosedQuoteIsAnErrorThatSaysSo() {
        assertThatThrownBy(() -> CsvTable.parse("prompt\n\"never closed\n"))
                .isInstanceOf(BriefError.class).hasMessageContaining("never closed");
    }

    @Test
    void anEmptySpreadsheetIsAnError() {
        assertThatThrownBy(() -> CsvTable.parse("\n\n")).isInstanceOf(BriefError.class).hasMessageContaining("empty");
    }
}
