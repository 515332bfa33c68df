package io.brief2image.ops;

import io.brief2image.base.Sidecar;
import io.brief2image.outbox.SidecarFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The newest images in the outbox, read from their sidecars ({@code outbox/<id>/<id>-<k>.json}).
 * An outbox can hold millions of images, so only the most recently changed brief folders are
 * opened and at most {@link #MAX_SIDECARS} sidecars read per call.
 */
public final class RecentImages {

    static final int MAX_FOLDERS = 200;
    static final int MAX_SIDECARS = 500;

    private final Path outbox;

    public RecentImages(Path outbox) {
        this.outbox = outbox;
    }

    public List<ImageCard> newest(int limit) {
        List<ImageCard> cards = new ArrayList<>();
        for (Path folder : recentFolders()) {
            if (cards.size() >= MAX_SIDECARS) {
                break;
            }
            readSidecars(folder, cards);
        }
        cards.sort(Comparator.comparing(ImageCard::created, Comparator.nullsLast(Comparator.reverseOrder())));
        return cards.size() > limit ? List.copyOf(cards.subList(0, limit)) : cards;
    }

    private List<Path> recentFolders() {
        List<Map.Entry<Path, FileTime>> folders = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(outbox, Files::isDirectory)) {
            for (Path child : children) {
                folders.add(Map.entry(child, Files.getLastModifiedTime(child)));
            }
        } catch (IOException e) {
            return List.of();
        }
        folders.sort(Map.Entry.<Path, FileTime>comparingByValue().reversed());
        return folders.stream().limit(MAX_FOLDERS).map(Map.Entry::getKey).toList();
    }

    private static void readSidecars(Path folder, List<ImageCard> cards) {
        String briefId = folder.getFileName().toString();
        Pattern sidecarName = SidecarFiles.namesIn(briefId);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, f -> sidecarName.matcher(f.getFileName().toString()).matches())) {
            for (Path sidecar : files) {
                if (cards.size() >= MAX_SIDECARS) {
                    return;
                }
                cardOf(briefId, sidecar, cards);
            }
        } catch (IOException e) {
            // a folder removed while we looked: nothing to show from it
        }
    }

    private static void cardOf(String briefId, Path sidecar, List<ImageCard> cards) {
        try {
            Sidecar s = SidecarFiles.read(sidecar);
            cards.add(new ImageCard(briefId, orEmpty(s.imageId()), orEmpty(s.file()), orEmpty(s.mediaType()), orEmpty(s.prompt()),
                    orEmpty(s.imagePrompt()), s.revisedPrompt(), s.seed(), orEmpty(s.model()), orEmpty(s.provider()),
                    orEmpty(s.created()), s.policy() == null ? List.of() : s.policy()));
        } catch (IOException e) {
            // a sidecar half-written by another tool or damaged: the gallery skips it
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
