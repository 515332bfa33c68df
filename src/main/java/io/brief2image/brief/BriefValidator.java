package io.brief2image.brief;

import io.brief2image.base.Source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.base.PolicyAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks every field of a brief against docs/DESIGN.md §1 and the model table. All problems are
 * reported together, each naming its field and what is allowed.
 */
public final class BriefValidator {

    static final Set<String> KNOWN_FIELDS = Set.of("id", "prompt", "n", "size", "quality", "style", "model",
            "output_format", "background", "image_type", "expand", "seed", "seeds", "reproduce", "base_image",
            "change", "metadata", "replace", Priority.FIELD);
    private static final Set<String> SHAPES = Set.of("square", "wide", "tall");
    private static final Pattern IMAGE_ID = Pattern.compile("([A-Za-z0-9._-]{1,100})-(\\d{1,2})");
    private static final long MAX_SEED = 4_294_967_295L;
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final ModelLifecycle lifecycle;
    private final String defaultModel;

    public BriefValidator(ModelLifecycle lifecycle, String defaultModel) {
        this.lifecycle = lifecycle;
        this.defaultModel = defaultModel;
    }

    public Brief validate(ObjectNode json, Envelope envelope, Source source) {
        return validate(json, envelope, source, null);
    }

    /** {@code priorityProperty}: the message's JMS property {@value Priority#PROPERTY}, null when it has none. */
    public Brief validate(ObjectNode json, Envelope envelope, Source source, String priorityProperty) {
        Fields f = new Fields(json, envelope.format() == BriefFormat.CSV ? "column" : "field");
        List<String> warnings = new ArrayList<>();
        CarryOver carryOver = lifecycle.table().carryOver();
        json.fieldNames().forEachRemaining(name -> {
            if (!KNOWN_FIELDS.contains(name) && !carryOver.dropped().contains(name)) {
                warnings.add("unknown field '" + name + "' was ignored");
            }
        });

        String id = f.text("id");
        if (json.has("id") && id != null && !SafeId.isValid(id)) {
            f.error("id", f.the("id") + " is '" + abbreviate(id) + "', which is not allowed: use " + SafeId.RULE + ".");
        }
        if (id == null) {
            id = envelope.defaultId();
        }

        String modelId = f.text("model");
        ModelSpec model = null;
        List<PolicyAction> policy = new ArrayList<>();
        try {
            ModelLifecycle.Resolved resolved = lifecycle.resolve(modelId == null ? defaultModel : modelId);
            model = resolved.model();
            policy.addAll(resolved.policy());
            warnings.addAll(resolved.warnings());
        } catch (ModelLifecycle.Refused refused) {
            f.error("model", refused.sentence(modelId == null ? "The model setting" : f.the("model")));
        }
        String size = f.text("size");
        String quality = f.text("quality");
        String style = f.text("style");
        String styleWords = null;
        if (model != null) {
            CarriedFields carried = CarriedFields.of(carryOver, model, size, quality, style, json::has);
            size = carried.size();
            quality = carried.quality();
            style = carried.style();
            styleWords = carried.promptWords();
            policy.addAll(carried.policy());
        }

        String reproduce = f.text("reproduce");
        if (reproduce != null && !IMAGE_ID.matcher(reproduce).matches()) {
            f.error("reproduce", f.the("reproduce") + " is '" + abbreviate(reproduce) + "', which is not an image id: name an earlier image such as 'spring-hero-1'.");
        }
        String baseImage = f.text("base_image");
        String change = f.text("change");
        if (baseImage != null && !IMAGE_ID.matcher(baseImage).matches()) {
            f.error("base_image", f.the("base_image") + " is '" + abbreviate(baseImage) + "', which is not an image id: name an earlier image such as 'spring-hero-1'.");
        }
        if ((baseImage == null) != (change == null || change.isBlank())) {
            f.error(baseImage == null ? "base_image" : "change",
                    "The " + f.noun + "s 'base_image' and 'change' go together: name the earlier image and say what to change.");
        }

        String prompt = f.text("prompt");
        if (styleWords != null && prompt != null && !prompt.isBlank()) {
            prompt = prompt.strip() + ", " + styleWords;
        }
        boolean derivesPrompt = reproduce != null || baseImage != null;
        if (prompt == null && !json.has("prompt") && !derivesPrompt) {
            f.error("prompt", f.the("prompt") + " is missing: add it and say what the image should show.");
        } else if (prompt != null && prompt.isBlank() && !derivesPrompt) {
            f.error("prompt", f.the("prompt") + " is empty: say what the image should show.");
        } else if (prompt != null && model != null) {
            int length = prompt.strip().codePointCount(0, prompt.strip().length());
            if (length > model.maxPromptChars()) {
                f.error("prompt", f.the("prompt") + " is " + length + " characters long, but model " + model.id() + " takes at most "
                        + model.maxPromptChars() + ": shorten it.");
            }
        }

        Long nValue = f.wholeNumber("n");
        int n = nValue == null ? 2 : (int) Math.min(nValue, 1000);
        if (nValue != null && nValue < 1) {
            f.error("n", f.the("n") + " is " + nValue + ", but it must be at least 1 (the number of images to make).");
        }

        if (size != null && model != null) {
            model.sizeProblem(f.the("size"), size).ifPresent(problem -> f.error("size", problem));
        }
        f.check("quality", quality, model == null ? null : model.qualities(), model);
        if (style != null && model != null) {
            if (model.styles().isEmpty()) {
                f.error("style", carryOver.styles().isEmpty()
                        ? f.the("style") + " is set, but model " + model.id() + " does not take a style: remove it."
                        : f.the("style") + " is '" + abbreviate(style) + "', which is not a style: model " + model.id()
                        + " takes no style, and only " + String.join(" or ", new java.util.TreeSet<>(carryOver.styles().keySet()))
                        + " are turned into words in the prompt. Use one of them or remove the " + f.noun + ".");
            } else if (!model.styles().contains(style)) {
                f.error("style", f.the("style") + " is '" + abbreviate(style) + "', which is not a style of model " + model.id() + ": use one of "
                        + String.join(", ", model.styles()) + ".");
            }
        }
        String outputFormat = f.oneOf("output_format", model == null ? null : model.outputFormats(), model);
        String background = f.oneOf("background", model == null ? null : model.backgrounds(), model);
        String imageType = f.text("image_type");
        Boolean expand = f.yesNo("expand");
        Boolean replace = f.yesNo("replace");

        Long seed = f.wholeNumber("seed");
        if (seed != null && (seed < 0 || seed > MAX_SEED)) {
            f.error("seed", f.the("seed") + " is " + seed + ", but it must be a whole number from 0 to " + MAX_SEED + ".");
        }
        List<Long> seeds = f.seeds("seeds", MAX_SEED);

        JsonNode metadata = json.get("metadata");
        if (metadata != null && !metadata.isObject()) {
            f.error("metadata", f.the("metadata") + " is " + describe(metadata) + ", but it must be a JSON object such as {\"campaign\": \"spring\"}.");
        }

        Priority.fieldProblem(json.get(Priority.FIELD), f.the(Priority.FIELD)).ifPresent(problem -> f.error(Priority.FIELD, problem));
        Priority.propertyProblem(priorityProperty).ifPresent(problem -> f.error(Priority.PROPERTY, problem));
        Priority priority = Priority.resolve(json.get(Priority.FIELD), priorityProperty);
        if (priority == Priority.BATCH && model != null && !model.takesBatches()) {
            priority = Priority.NOW;
            warnings.add("priority batch was asked for, but the server of model " + model.id()
                    + " has no Batch API: the images are made now, at the full price");
        }

        if (!f.errors.isEmpty()) {
            throw new BriefError(f.errorFields.get(0), String.join(" ", f.errors));
        }
        return new Brief(id, prompt == null ? null : prompt.strip(), n, nValue != null, size, quality, style, model,
                outputFormat == null ? "png" : outputFormat, background, imageType, expand == null || expand,
                seed, seeds, reproduce, baseImage, change, (ObjectNode) metadata, replace != null && replace,
                priority, List.copyOf(warnings), List.copyOf(policy), source, fingerprint(json), null);
    }

    /** Same content, same fingerprint, whatever the key order or whitespace; 'replace' does not count. */
    static String fingerprint(ObjectNode json) {
        try {
            ObjectNode copy = json.deepCopy();
            copy.remove("replace");
            Map<?, ?> canonical = CANONICAL.convertValue(copy, Map.class);
            byte[] bytes = CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String describe(JsonNode node) {
        return abbreviate(node.toString()) + " (" + kindOf(node) + ")";
    }

    /** What a JSON value is, in words. */
    static String kindOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "a value";
        };
    }

    static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** Typed access to the brief's fields, collecting one message per wrong field. */
    private static final class Fields {
        final ObjectNode json;
        /** "field" in a JSON brief, "column" in a spreadsheet row: what the writer calls it. */
        final String noun;
        final List<String> errors = new ArrayList<>();
        final List<String> errorFields = new ArrayList<>();

        Fields(ObjectNode json, String noun) {
            this.json = json;
            this.noun = noun;
        }

        /** "The field 'n'": every message names its field. */
        String the(String field) {
            return "The " + noun + " '" + field + "'";
        }

        /** {@code sentence}: a whole sentence naming the field, what is wrong and what to do. */
        void error(String field, String sentence) {
            errorFields.add(field);
            errors.add(sentence);
        }

        private <T> T typed(String field, String expected, Function<JsonNode, T> read) {
            JsonNode node = json.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            T value = read.apply(node);
            if (value == null) {
                error(field, the(field) + " is " + describe(node) + ", but it must be " + expected + ".");
            }
            return value;
        }

        String text(String field) {
            return typed(field, "text in double quotes", node -> node.isTextual() ? node.textValue() : null);
        }

        Long wholeNumber(String field) {
            return typed(field, "a whole number such as 2", node -> node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null);
        }

        Boolean yesNo(String field) {
            return typed(field, "true or false (without quotes)", node -> node.isBoolean() ? node.booleanValue() : null);
        }

        String oneOf(String field, List<String> allowed, ModelSpec model) {
            String value = text(field);
            check(field, value, allowed, model);
            return value;
        }

        void check(String field, String value, List<String> allowed, ModelSpec model) {
            if (value != null && allowed != null && !allowed.contains(value)) {
                error(field, the(field) + " is '" + abbreviate(value) + "', which model " + model.id() + " does not take: use one of "
                        + String.join(", ", allowed) + ".");
            }
        }

        List<Long> seeds(String field, long max) {
            JsonNode node = json.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isArray() || node.isEmpty()) {
                error(field, the(field) + " is " + describe(node) + ", but it must be a list of whole numbers such as [7, 8].");
                return null;
            }
            List<Long> seeds = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isIntegralNumber() || item.longValue() < 0 || item.longValue() > max) {
                    error(field, the(field) + " holds " + describe(item) + ", but every seed must be a whole number from 0 to " + max + ".");
                    return null;
                }
                seeds.add(item.longValue());
            }
            return List.copyOf(seeds);
        }
    }
}
