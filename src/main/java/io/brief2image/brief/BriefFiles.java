package io.brief2image.brief;

import io.brief2image.deadletter.BriefFailure;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Cuts the text of a brief file into the briefs it holds: one for JSON and TXT, one per row for CSV. */
public final class BriefFiles {

    /** One brief on its way to queue briefs: the original text and its envelope. */
    public record QueuedBrief(String text, Envelope envelope) {
    }

    private BriefFiles() {
    }

    public static List<QueuedBrief> split(String fileName, String text, String channel) {
        BriefFormat format = BriefFormat.ofFileName(fileName).orElseThrow(() ->
                new BriefFailure("validation", "'" + fileName + "' is not a brief file: use .json, .txt or .csv"));
        String stem = fileName.substring(0, fileName.lastIndexOf('.'));
        List<QueuedBrief> briefs = new ArrayList<>();
        if (format == BriefFormat.CSV) {
            CsvTable table = CsvTable.parse(text);
            if (table.rows().isEmpty()) {
                throw new BriefFailure("validation", "the spreadsheet '" + fileName + "' has a header row but no briefs below it");
            }
            for (int row = 0; row < table.rows().size(); row++) {
                int n = row + 1;
                briefs.add(new QueuedBrief(table.standalone(row),
                        new Envelope(format, channel, stem + "-row" + n + ".csv", SafeId.makeSafe(stem + "-" + n))));
            }
        } else {
            briefs.add(new QueuedBrief(text, new Envelope(format, channel, fileName, SafeId.makeSafe(stem))));
        }
        return briefs;
    }

    /** Strict UTF-8: a brief in another encoding is refused with a reason, never read as garbled text. */
    public static String utf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BriefFailure("validation", "'" + name + "' is not UTF-8 text (it may be binary or saved in another encoding);"
                    + " save it as UTF-8 and drop it again.");
        }
    }
}
