package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Read access to request parameters whether they arrived as JSON or as multipart text fields,
 * so generations and edits validate their shared parameters the same way.
 */
interface RequestParams {

    /** The parameter as text, or {@code null} when absent or JSON null. */
    String text(String name);

    default boolean has(String name) {
        return text(name) != null;
    }

    default String textOr(String name, String fallback) {
        String value = text(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    default Integer integer(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidValue(name, "Invalid type for '" + name + "': expected an integer, but got '"
                    + value + "'.");
        }
    }

    default Long longValue(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidValue(name, "Invalid type for '" + name + "': expected an integer, but got '"
                    + value + "'.");
        }
    }

    default Double decimal(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidValue(name, "Invalid type for '" + name + "': expected a number, but got '"
                    + value + "'.");
        }
    }

    /** For the request log, which records malformed requests too: the integer, or {@code null} when it is none. */
    default Integer integerOrNull(String name) {
        try {
            return integer(name);
        } catch (ApiError notAnInteger) {
            return null;
        }
    }

    /** For the request log: the whole number, or {@code null} when it is none. */
    default Long longOrNull(String name) {
        try {
            return longValue(name);
        } catch (ApiError notANumber) {
            return null;
        }
    }

    static RequestParams ofJson(ObjectNode json) {
        return name -> {
            JsonNode value = json == null ? null : json.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            return value.isValueNode() ? value.asText() : value.toString();
        };
    }

    static RequestParams ofForm(MultipartForm form) {
        return name -> form == null ? null : form.fields().get(name);
    }

    /** Parameters of an optional nested JSON object, e.g. the image_generation tool entry. */
    static RequestParams ofNode(JsonNode node) {
        return node instanceof ObjectNode object ? ofJson(object) : name -> null;
    }
}
