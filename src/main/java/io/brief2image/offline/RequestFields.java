package io.brief2image.offline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a request body into the small, loggable field map kept in {@link RecordedRequest#fields()}. */
final class RequestFields {

    /** Keys whose values are image payloads; their presence is summarised by imageParts instead. */
    private static final Set<String> IMAGE_KEYS = Set.of("image", "image[]", "images", "init_images", "mask");
    /** Longer strings are almost certainly inline images (data URLs) and would bloat snapshots. */
    private static final int MAX_STRING = 2048;

    private RequestFields() {
    }

    static Map<String, Object> of(IncomingRequest request) {
        if (request.json() != null) {
            return fromJson(request.json());
        }
        if (request.form() != null) {
            Map<String, Object> fields = new LinkedHashMap<>();
            request.form().fields().forEach((name, value) -> {
                if (!IMAGE_KEYS.contains(name)) {
                    fields.put(name, shorten(value));
                }
            });
            return Collections.unmodifiableMap(fields);
        }
        return Map.of();
    }

    private static Map<String, Object> fromJson(ObjectNode json) {
        Map<String, Object> raw = OfflineJson.MAPPER.convertValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, Object> fields = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (!IMAGE_KEYS.contains(name)) {
                fields.put(name, shorten(value));
            }
        });
        return Collections.unmodifiableMap(fields);
    }

    private static Object shorten(Object value) {
        if (value instanceof String text && text.length() > MAX_STRING) {
            return "<" + text.length() + " chars omitted>";
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> copy.put(key, shorten(inner)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(inner -> copy.add(shorten(inner)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
