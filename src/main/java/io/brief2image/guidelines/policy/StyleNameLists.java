package io.brief2image.guidelines.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.ResourceLocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a style reference may keep, read from world/: artists whose last work is older than the
 * cut-off (artists-historic.yaml, and artists-recent.yaml as the cut-off moves), movements and eras (movements.yaml); and the studios and characters
 * (studios.yaml, characters.yaml), which the known-name rules handle and the unknown-name rules must not
 * treat as unknown. Only names and aliases are read, so the lists' other fields may change freely.
 */
public final class StyleNameLists {
    static final String HISTORIC = "classpath:world/artists-historic.yaml";
    static final String RECENT = "classpath:world/artists-recent.yaml";
    static final String MOVEMENTS = "classpath:world/movements.yaml";
    static final String STUDIOS = "classpath:world/studios.yaml";
    static final String CHARACTERS = "classpath:world/characters.yaml";

    private StyleNameLists() {
    }

    /**
     * Names and aliases of the artists of world/ whose last work is before cutoffYear: the historic list,
     * and the recent entries the cut-off has passed since the lists were split.
     */
    public static List<String> historicArtists(int cutoffYear) {
        List<String> names = new ArrayList<>();
        for (String location : List.of(HISTORIC, RECENT)) {
            for (JsonNode entry : read(location).path("artists")) {
                if (entry.path("last_work_year").asInt(Integer.MAX_VALUE) < cutoffYear) {
                    addNames(entry, names);
                }
            }
        }
        return names;
    }

    public static List<String> movements() {
        return namesOf(MOVEMENTS, "movements");
    }

    /** Studios and characters: not unknown, whatever the known-name rules make of them. */
    public static List<String> studiosAndCharacters() {
        List<String> names = new ArrayList<>(namesOf(STUDIOS, "studios"));
        names.addAll(namesOf(CHARACTERS, "characters"));
        return names;
    }

    private static List<String> namesOf(String location, String key) {
        List<String> names = new ArrayList<>();
        read(location).path(key).forEach(entry -> addNames(entry, names));
        return names;
    }

    private static void addNames(JsonNode entry, List<String> names) {
        names.add(entry.path("name").asText());
        entry.path("aliases").forEach(a -> names.add(a.asText()));
        entry.path("ambiguous_aliases").forEach(a -> names.add(a.asText()));
    }

    private static JsonNode read(String location) {
        try (InputStream in = ResourceLocation.open(location)) {
            return UnknownNameData.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}
