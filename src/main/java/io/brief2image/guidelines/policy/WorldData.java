package io.brief2image.guidelines.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.brief2image.base.ResourceLocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.brief2image.guidelines.policy.GuidelinePolicy.listOrEmpty;

/**
 * What the guidelines know about the world: the files under resources/world/ (each says in its header
 * where its facts come from and how to extend it). Thousands of entries take a noticeable moment to
 * parse, so the bundled data is read once per process on a background thread ({@link #bundled()}),
 * and the first screening waits for it instead of the start of the service.
 */
public record WorldData(List<Artist> artists, List<PublicFigure> publicFigures, List<Character> characters,
                        List<Studio> studios, List<Movement> movements) {

    /** Made by the thread that reads the data, not by the first use of this class (the service's start sets the hold). */
    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                // a misspelt field would otherwise silently drop a fact
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static volatile CompletableFuture<WorldData> bundled;
    /** The bundled data is not read before this completes (a service: once it has started); see {@link #holdUntil}. */
    private static volatile CompletableFuture<?> notBefore = CompletableFuture.completedFuture(null);
    /** A hold that is never released (a start that hangs) delays the reading no longer than this. */
    private static final long LONGEST_HOLD_SECONDS = 15;

    /**
     * Reads the bundled data only once {@code moment} completes: the service holds it until it has
     * started, so the ~0.5 CPU-s of parsing (and the JIT work it causes) does not compete with the
     * start for 2 cores. A screening before then waits for it, as it would for the reading anyway.
     * No effect once the reading has begun (the data is read once per process); a new hold releases the
     * one before it (a service made again in the same process, as tests do).
     */
    public static void holdUntil(CompletableFuture<?> moment) {
        CompletableFuture<?> previous = notBefore;
        notBefore = moment;
        previous.complete(null);
    }

    /** A screening needs the data: any hold ends now (a brief taken right at the start does not wait for the hold). */
    public static void neededNow() {
        notBefore.complete(null);
    }

    /** The data bundled in the jar; the first call starts reading it on a daemon thread (after the {@link #holdUntil hold}). */
    public static CompletableFuture<WorldData> bundled() {
        CompletableFuture<WorldData> loading = bundled;
        if (loading == null) {
            synchronized (WorldData.class) {
                loading = bundled;
                if (loading == null) {
                    loading = loadAfter(notBefore, () -> load("classpath:world/"));
                    bundled = loading;
                }
            }
        }
        return loading;
    }

    /** Runs {@code load} on a daemon thread once {@code hold} completes (or after {@value #LONGEST_HOLD_SECONDS} s). */
    static CompletableFuture<WorldData> loadAfter(CompletableFuture<?> hold, java.util.function.Supplier<WorldData> load) {
        CompletableFuture<WorldData> result = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                hold.get(LONGEST_HOLD_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // read it now: the hold only spares the start's CPU
            }
            try {
                result.complete(load.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "world-data-loader");
        loader.setDaemon(true);
        loader.start();
        return result;
    }

    /** Reads every world file from a folder ({@code classpath:world/} or a path ending in a separator). */
    public static WorldData load(String folder) {
        List<Artist> artists = new ArrayList<>(read(folder, "artists-recent.yaml", "artists", Artist.class));
        artists.addAll(read(folder, "artists-historic.yaml", "artists", Artist.class));
        return new WorldData(artists, read(folder, "public-figures.yaml", "public_figures", PublicFigure.class),
                read(folder, "characters.yaml", "characters", Character.class),
                read(folder, "studios.yaml", "studios", Studio.class),
                read(folder, "movements.yaml", "movements", Movement.class));
    }

    private static <T> List<T> read(String folder, String file, String key, Class<T> type) {
        YAMLMapper mapper = Yaml.MAPPER;
        JavaType document = mapper.getTypeFactory().constructMapType(Map.class,
                mapper.getTypeFactory().constructType(String.class),
                mapper.getTypeFactory().constructCollectionType(List.class, type));
        try (InputStream in = ResourceLocation.open(folder + file)) {
            Map<String, List<T>> parsed = mapper.readValue(in, document);
            List<T> entries = parsed == null ? null : parsed.get(key);
            if (entries == null) {
                throw new IllegalArgumentException("world file " + file + " lacks its list '" + key + "'");
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world file " + file, e);
        }
    }

    /**
     * An artist or creative professional. {@code lastWorkYear} is a year or {@code active}.
     */
    public record Artist(String name, List<String> aliases, String lastWorkYear, String movement, String medium,
                         List<String> adjectives, String kind, List<String> ambiguousAliases, Boolean verify) {
        public Artist {
            aliases = listOrEmpty(aliases);
            adjectives = listOrEmpty(adjectives);
            ambiguousAliases = listOrEmpty(ambiguousAliases);
            if (adjectives.size() != 3) {
                throw new IllegalArgumentException("artist " + name + " needs exactly 3 adjectives, has " + adjectives);
            }
        }

        /** Still working, or whose last work is in or after {@code cutoffYear}. */
        public boolean workedSince(int cutoffYear) {
            return "active".equalsIgnoreCase(lastWorkYear) || Integer.parseInt(lastWorkYear.strip()) >= cutoffYear;
        }

        /** "bold, graphic, repetitive pop art silkscreen print": the neutral description of the style. */
        public String style() {
            return String.join(", ", adjectives) + " " + movement + " " + medium;
        }
    }

    /**
     * A real person (or band) who must not be drawn; only gender and physique may be kept.
     *
     * @param gender       man, woman, person, or group (a band: the physique words alone describe it)
     * @param role         a plain word for the public life ("politician"), for a name that modifies a noun
     * @param descriptions the description in other languages, keyed by language code or "code.case"
     */
    public record PublicFigure(String name, List<String> aliases, String gender, String physique, String role,
                               String country, List<String> ambiguousAliases, Boolean verify,
                               Map<String, String> descriptions) {
        public PublicFigure {
            aliases = listOrEmpty(aliases);
            ambiguousAliases = listOrEmpty(ambiguousAliases);
            descriptions = descriptions == null ? Map.of() : Map.copyOf(descriptions);
        }

        public boolean isGroup() {
            return "group".equals(gender);
        }
    }

    /** A copyrighted character or franchise, and the neutral words that stand in for it. */
    public record Character(String name, List<String> aliases, String franchise, String owner, String description,
                            List<String> ambiguousAliases) {
        public Character {
            aliases = listOrEmpty(aliases);
            ambiguousAliases = listOrEmpty(ambiguousAliases);
        }
    }

    /** A studio, publisher or franchise owner, and a neutral description of its look. */
    public record Studio(String name, List<String> aliases, String style, List<String> ambiguousAliases) {
        public Studio {
            aliases = listOrEmpty(aliases);
            ambiguousAliases = listOrEmpty(ambiguousAliases);
        }
    }

    /** An art movement, era, style or technique: allowed, and never a person. */
    public record Movement(String name, List<String> aliases, String period, String kind) {
        public Movement {
            aliases = listOrEmpty(aliases);
        }
    }
}
