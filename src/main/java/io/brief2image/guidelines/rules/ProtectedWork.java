package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.policy.WorldData;

import java.util.List;

/**
 * A studio or copyrighted character as screening sees it: names, the neutral words that replace them,
 * and for a character its franchise, which must be named nearby before an everyday-word alias counts.
 */
record ProtectedWork(String name, List<String> aliases, List<String> ambiguousAliases, String description,
                     String franchise, boolean studio) {

    static ProtectedWork of(WorldData.Character character) {
        return new ProtectedWork(character.name(), character.aliases(), character.ambiguousAliases(),
                character.description(), character.franchise(), false);
    }

    static ProtectedWork of(WorldData.Studio studio) {
        return new ProtectedWork(studio.name(), studio.aliases(), studio.ambiguousAliases(), studio.style(), null, true);
    }
}
