package io.brief2image.brief;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as spreadsheets write it (quoted fields, doubled quotes, newlines inside quotes),
 * keeping each record's raw text so a failed row can be handed back as it was written.
 */
public record CsvTable(Record header, List<Record> rows) {

    public record Record(List<String> values, String raw) {
    }

    public static CsvTable parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        int pos = 0;
        while (pos < body.length()) {
            int start = pos;
            List<String> values = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean endOfRecord = false;
            while (pos < body.length() && !endOfRecord) {
                char c = body.charAt(pos++);
                if (quoted) {
                    if (c == '"' && pos < body.length() && body.charAt(pos) == '"') {
                        cell.append('"');
                        pos++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    values.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && pos < body.length() && body.charAt(pos) == '\n') {
                        pos++;
                    }
                    endOfRecord = true;
                } else {
                    cell.append(c);
                }
            }
            if (quoted) {
                int line = (int) body.substring(0, start).chars().filter(ch -> ch == '\n').count() + 1;
                throw new BriefError("csv", "The spreadsheet has a double quote in the row on line " + line + " that is never closed: close it,"
                        + " or write a quote inside a cell as two quotes (\"\").", "unclosed quote in the record starting at character " + start);
            }
            values.add(cell.toString());
            String raw = body.substring(start, pos).replaceAll("[\r\n]+$", "");
            boolean blank = values.size() == 1 && values.get(0).isBlank();
            if (!blank) {
                records.add(new Record(values, raw));
            }
        }
        if (records.isEmpty()) {
            throw new BriefError("csv", "The spreadsheet is empty: it needs a header row of field names and one brief per row below it.");
        }
        return new CsvTable(records.get(0), records.subList(1, records.size()));
    }

    /** One data row as a standalone CSV: the header and that row, for the queue and for dead letters. */
    public String standalone(int rowIndex) {
        return header.raw() + "\n" + rows.get(rowIndex).raw() + "\n";
    }
}
