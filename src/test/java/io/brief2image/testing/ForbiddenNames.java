package io.brief2image.testing;

import io.brief2image.guidelines.policy.WorldData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every name the guidelines must never let through today: public figures, recent artists, characters and
 * studios from world/*.yaml, with their aliases. Aliases the data marks as everyday words ("Swift",
 * "Rain") are left out, since a caption may use the word itself.
 */
public final class ForbiddenNames {
    private ForbiddenNames() {
    }

    public static List<String> in(WorldData world, int cutoffYear) {
        List<String> names = new ArrayList<>();
        world.publicFigures().forEach(f -> add(names, f.name(), f.aliases(), f.ambiguousAliases()));
        world.artists().stream().filter(a -> a.workedSince(cutoffYear))
                .forEach(a -> add(names, a.name(), a.aliases(), a.ambiguousAliases()));
        world.characters().forEach(c -> add(names, c.name(), c.aliases(), c.ambiguousAliases()));
        world.studios().forEach(s -> add(names, s.name(), s.aliases(), s.ambiguousAliases()));
        return names;
    }

    private static void add(List<String> names, String name, List<String> aliases, List<String> ambiguous) {
        Set<String> everyday = ambiguous.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> all = new ArrayList<>(List.of(name));
        all.addAll(aliases);
        all.stream().filter(n -> !everyday.contains(n.toLowerCase(Locale.ROOT))).forEach(names::add);
    }
}
