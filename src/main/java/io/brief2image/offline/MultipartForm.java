package io.brief2image.offline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A parsed multipart/form-data body: text fields plus file parts. */
record MultipartForm(Map<String, String> fields, List<Part> files) {

    /** One file part; {@code name} is the form field name, e.g. {@code image[]}. */
    record Part(String name, String filename, String contentType, byte[] content) {
    }

    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    List<Part> filesNamed(String... names) {
        List<Part> matching = new ArrayList<>();
        for (Part part : files) {
            for (String name : names) {
                if (part.name().equals(name)) {
                    matching.add(part);
                }
            }
        }
        return matching;
    }

    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String boundary = trimmed.substring("boundary=".length());
                return boundary.startsWith("\"") && boundary.endsWith("\"") && boundary.length() > 1
                        ? boundary.substring(1, boundary.length() - 1)
                        : boundary;
            }
        }
        return null;
    }

    /**
     * Splits the body on {@code --boundary} delimiters. Parts are located by byte search rather than
     * line reading because file content is binary and may contain anything except the delimiter.
     */
    static MultipartForm parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] partSeparator = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        List<Part> files = new ArrayList<>();

        int start = indexOf(body, delimiter, 0);
        if (start < 0) {
            throw new IllegalArgumentException("multipart boundary not found");
        }
        int cursor = start + delimiter.length;
        while (true) {
            if (startsWith(body, cursor, "--")) {
                break; // closing delimiter
            }
            cursor = skipLineEnd(body, cursor);
            int headersEnd = indexOf(body, CRLF_CRLF, cursor);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("multipart part without header terminator");
            }
            Map<String, String> headers = parseHeaders(new String(body, cursor, headersEnd - cursor, StandardCharsets.UTF_8));
            int contentStart = headersEnd + CRLF_CRLF.length;
            int contentEnd = indexOf(body, partSeparator, contentStart);
            if (contentEnd < 0) {
                throw new IllegalArgumentException("multipart part is not terminated by its boundary");
            }
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
            addPart(headers, content, fields, files);
            cursor = contentEnd + partSeparator.length;
        }
        return new MultipartForm(fields, files);
    }

    private static void addPart(Map<String, String> headers, byte[] content,
                                Map<String, String> fields, List<Part> files) {
        String disposition = headers.getOrDefault("content-disposition", "");
        String name = dispositionParameter(disposition, "name");
        String filename = dispositionParameter(disposition, "filename");
        if (name == null) {
            return;
        }
        String contentType = headers.get("content-type");
        // a file part is named by its filename or, as the official SDK sends raw bytes, by a non-text type
        boolean file = filename != null || (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/"));
        if (file) {
            files.add(new Part(name, filename, contentType, content));
        } else {
            fields.put(name, new String(content, StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> parseHeaders(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String dispositionParameter(String disposition, String parameter) {
        for (String piece : disposition.split(";")) {
            String trimmed = piece.trim();
            int equals = trimmed.indexOf('=');
            if (equals > 0 && trimmed.substring(0, equals).trim().equalsIgnoreCase(parameter)) {
                String value = trimmed.substring(equals + 1).trim();
                return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1)
                        : value;
            }
        }
        return null;
    }

    private static int skipLineEnd(byte[] body, int cursor) {
        if (startsWith(body, cursor, "\r\n")) {
            return cursor + 2;
        }
        throw new IllegalArgumentException("malformed multipart delimiter line");
    }

    private static boolean startsWith(byte[] body, int offset, String ascii) {
        if (offset + ascii.length() > body.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (body[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
