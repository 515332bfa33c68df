package io.brief2image.admission;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Room on disk for images paid for but not yet in the outbox. Before a request is sent its
 * expected bytes are claimed on every folder the image passes through (data/ for the temp file,
 * the outbox for the published one), and only while each keeps {@code reserve} free besides all
 * claims; a claim ends when its brief is written out or fails.
 */
public final class DiskRoom implements BudgetState {

    private final Map<String, Path> places;
    private final long reserveBytes;
    private final FreeSpace free;
    private final LongSupplier keptForOutbox;
    private final Map<String, Long> claims = new HashMap<>();
    private volatile String shortage = "";
    private int waiting;

    /**
     * @param places        by name ("outbox", "data"), in the order a shortage is reported
     * @param keptForOutbox bytes of paid images kept under data/ because the outbox was full: the
     *                      outbox owes them room before it takes new ones
     */
    public DiskRoom(Map<String, Path> places, long reserveBytes, FreeSpace free, LongSupplier keptForOutbox) {
        this.places = new LinkedHashMap<>(places);
        this.reserveBytes = reserveBytes;
        this.free = free;
        this.keptForOutbox = keptForOutbox;
    }

    /** Claims {@code bytes} for {@code owner} (a brief id) when every place has room; false (and a reason) when not. */
    public synchronized boolean tryClaim(String owner, long bytes) {
        String reason = shortOf(bytes);
        if (!reason.isEmpty()) {
            shortage = reason;
            return false;
        }
        shortage = "";
        if (bytes > 0) {
            claims.merge(owner, bytes, Long::sum);
        }
        return true;
    }

    /** The brief's images are in the outbox (or kept for it), or it failed: its claim ends. */
    public synchronized void release(String owner) {
        claims.remove(owner);
    }

    synchronized void waiting(int delta) {
        waiting += delta;
        if (waiting == 0) {
            shortage = "";
        }
    }

    /** Empty when every place has room for the claims and the reserve; else which one is short, for people. */
    private String shortOf(long bytes) {
        long claimed = claims.values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, Path> place : places.entrySet()) {
            long kept = place.getKey().equals("outbox") ? keptForOutbox.getAsLong() : 0;
            long needed = reserveBytes + claimed + kept + bytes;
            long usable;
            try {
                usable = free.usableBytes(place.getValue());
            } catch (IOException e) {
                return place.getKey() + " folder cannot be checked for free space: " + e.getMessage();
            }
            if (usable < needed) {
                return String.format(Locale.ROOT, "%s disk full: %s free, %s needed (%s for images under way or waiting to be"
                        + " written, %s kept free by BRIEF2IMAGE_DISK_RESERVE_MB); briefs wait and go on by themselves when space is freed",
                        place.getKey(), mb(usable), mb(needed), mb(claimed + kept + bytes), mb(reserveBytes));
            }
        }
        return "";
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** Paused while a request waits for room, or while the disk has less than the reserve free. */
    @Override
    public synchronized boolean paused() {
        return !reason().isEmpty();
    }

    @Override
    public synchronized String reason() {
        if (waiting > 0 && !shortage.isEmpty()) {
            return shortage;
        }
        return shortOf(0);
    }

    @Override
    public double spentTodayUsd() {
        return 0;
    }
}
