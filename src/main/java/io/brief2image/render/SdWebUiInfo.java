package io.brief2image.render;

import io.brief2image.http.MalformedReplyException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds a Stable Diffusion WebUI server actually used, read from the {@code info} field of its
 * reply: a string that itself holds JSON ({@code seed}, {@code all_seeds}). The request's seed is not
 * proof: -1 asks the server to pick one, and only {@code info} says which.
 */
public record SdWebUiInfo(Long seed, List<Long> allSeeds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A missing {@code info} gives no seeds; one that is not JSON is a broken reply. */
    public static SdWebUiInfo parse(String info) throws MalformedReplyException {
        if (info == null || info.isBlank()) {
            return new SdWebUiInfo(null, List.of());
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(info);
        } catch (IOException e) {
            throw new MalformedReplyException("the provider's info is not valid JSON", e);
        }
        if (!tree.isObject()) {
            throw new MalformedReplyException("the provider's info is not a JSON object");
        }
        List<Long> all = new ArrayList<>();
        for (JsonNode seed : tree.path("all_seeds")) {
            if (seed.canConvertToLong()) {
                all.add(seed.asLong());
            }
        }
        JsonNode seed = tree.get("seed");
        return new SdWebUiInfo(seed != null && seed.canConvertToLong() ? seed.asLong() : null, List.copyOf(all));
    }

    /**
     * The seed of image {@code index} (0-based) of the batch: {@code all_seeds} when it lists it,
     * else WebUI's rule {@code seed + index}, else what was asked (a concrete seed is used as given);
     * null when the server was left to pick ({@code -1}) and did not say what it picked.
     */
    public Long seedOf(int index, long requestedFirstSeed) {
        if (index < allSeeds.size()) {
            return allSeeds.get(index);
        }
        if (seed != null) {
            return seed + index;
        }
        if (requestedFirstSeed < 0) {
            return null;
        }
        return requestedFirstSeed + index;
    }
}
