package io.brief2image.brief;

import io.brief2image.base.BriefFailure;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts the text of a brief file into the briefs it holds: one for JSON and TXT, one per row for CSV. */
public final class BriefFiles {

    /** One brief on its way to queue briefs: the original text and its envelope. */
    public record QueuedBrief(String text, Envelope envelope) {
    }

    private static final Pattern ROW_NAME = Pattern.compile("(.+)-row(\\d+)\\.csv");

    private BriefFiles() {
    }

    /** The brief row of a spreadsheet row's source name ({@code <csv-name>-row<N>.csv}, as {@link #split} names it). */
    public static Optional<String> rowOf(String sourceName) {
        Matcher m = sourceName == null ? null : ROW_NAME.matcher(sourceName);
        return m != null && m.matches() ? Optional.of("Brief row " + m.group(2) + " of " + m.group(1) + ".csv") : Optional.empty();
    }

    public static List<QueuedBrief> split(String fileName, String text, String channel) {
        BriefFormat format = BriefFormat.ofFileName(fileName).orElseThrow(() ->
                new BriefFailure("validation", "The file '" + fileName + "' is not a brief: save briefs as .json, .txt or .csv files."));
        String stem = fileName.substring(0, fileName.lastIndexOf('.'));
        List<QueuedBrief> briefs = new ArrayList<>();
        if (format == BriefFormat.CSV) {
            CsvTable table = CsvTable.parse(text);
            if (table.rows().isEmpty()) {
                throw new BriefFailure("validation", "The spreadsheet '" + fileName + "' has a header row but no briefs below it: add one brief per row.");
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
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            throw new BriefFailure("validation", "The file '" + name + "' is not UTF-8 text (it may be binary, or saved in another encoding):"
                    + " save it as UTF-8 and drop it again.",
                    String.format("invalid UTF-8 byte 0x%02X at byte offset %d", bytes[in.position()] & 0xff, in.position()));
        }
        return out.flip().toString();
    }
}
