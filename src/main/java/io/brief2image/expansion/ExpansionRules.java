package io.brief2image.expansion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.brief2image.base.ResourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules-based expansion, as data (expansion.yaml): caption templates per image type and change patterns. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExpansionRules(Map<String, String> templates,
                             @JsonProperty("default_template") String defaultTemplate,
                             @JsonProperty("change_patterns") List<ChangePattern> changePatterns,
                             @JsonProperty("change_append") String changeAppend) {

    public record ChangePattern(String pattern) {
    }

    public static ExpansionRules load(String location) {
        try (InputStream in = ResourceLocation.open(location)) {
            return new YAMLMapper().readValue(in, ExpansionRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read expansion rules " + location, e);
        }
    }

    /** A deterministic caption: the image type first, then the subject, then the type's visual details. */
    public String caption(String type, String subject) {
        String template = templates.getOrDefault(type.toLowerCase(Locale.ROOT), defaultTemplate);
        String article = type.isEmpty() ? "" : Character.toUpperCase(type.charAt(0)) + type.substring(1);
        return template.replace("{type}", article).replace("{subject}", subject.strip());
    }

    /** Applies only the change to an earlier prompt: a named substitution where it can, else appended as is. */
    public String applyChange(String earlierPrompt, String change) {
        String wanted = change.strip().replaceAll("[.!]+$", "");
        for (ChangePattern candidate : changePatterns) {
            Matcher m = Pattern.compile(candidate.pattern(), Pattern.CASE_INSENSITIVE).matcher(wanted);
            if (m.matches()) {
                String from = m.group("from");
                String to = m.group("to");
                Matcher inPrompt = Pattern.compile("\\b" + Pattern.quote(from) + "\\b", Pattern.CASE_INSENSITIVE).matcher(earlierPrompt);
                if (inPrompt.find()) {
                    boolean colourOrScale = candidate.pattern().startsWith("^make");
                    return inPrompt.replaceFirst(Matcher.quoteReplacement(colourOrScale ? to + " " + from : to));
                }
            }
        }
        return earlierPrompt + changeAppend.replace("{change}", wanted);
    }
}
