package io.brief2image.brief;

import java.util.Locale;
import java.util.Optional;

/** The inbox formats: a JSON brief, a plain-text prompt, or a spreadsheet of briefs. */
public enum BriefFormat {
    JSON, TXT, CSV;

    public static Optional<BriefFormat> ofFileName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1).toUpperCase(Locale.ROOT);
        for (BriefFormat format : values()) {
            if (format.name().equals(ext)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public String ext() {
        return name().toLowerCase(Locale.ROOT);
    }
}
