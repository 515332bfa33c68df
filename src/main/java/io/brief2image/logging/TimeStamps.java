package io.brief2image.logging;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The two time stamps of a line: {@code HH:mm:ss.SSS} in the machine's zone (plain lines) and
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC (JSON). Everything up to the minute is made once a
 * minute (zone offsets change on minute boundaries), the seconds and milliseconds per line; the
 * minute is an immutable value swapped in, so threads share it without a lock.
 */
final class TimeStamps {

    private record Minute(long start, String local, String utc) {
    }

    private final ZoneId zone;
    private volatile Minute minute = new Minute(Long.MIN_VALUE, "", "");

    TimeStamps(ZoneId zone) {
        this.zone = zone;
    }

    /** Appends {@code HH:mm:ss.SSS}, local time. */
    void appendLocal(StringBuilder line, long millis) {
        appendSeconds(line.append(minuteOf(millis).local), millis);
    }

    /** Appends {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, UTC. */
    void appendUtc(StringBuilder line, long millis) {
        appendSeconds(line.append(minuteOf(millis).utc), millis).append('Z');
    }

    private Minute minuteOf(long millis) {
        long start = Math.floorDiv(millis, 60_000L) * 60_000L;
        Minute current = minute;
        if (current.start != start) {
            Instant at = Instant.ofEpochMilli(start);
            LocalDateTime local = LocalDateTime.ofInstant(at, zone);
            LocalDateTime utc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
            current = new Minute(start, two(local.getHour()) + ":" + two(local.getMinute()) + ":",
                    utc.getYear() + "-" + two(utc.getMonthValue()) + "-" + two(utc.getDayOfMonth()) + "T"
                            + two(utc.getHour()) + ":" + two(utc.getMinute()) + ":");
            minute = current;
        }
        return current;
    }

    private static StringBuilder appendSeconds(StringBuilder line, long millis) {
        int inMinute = (int) Math.floorMod(millis, 60_000L);
        int seconds = inMinute / 1000;
        int ms = inMinute % 1000;
        line.append((char) ('0' + seconds / 10)).append((char) ('0' + seconds % 10)).append('.');
        return line.append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10));
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
