package httpcourse.spec;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule of the Date header, and the IMF-fixdate format that every date of HTTP is written in
 * (RFC 9110 §5.6.7): the hints of a wrong date are many, since so are the ways to write one wrong.
 */
public final class DateRule {

    /** IMF-fixdate, the one format a server sends dates in (RFC 9110 §5.6.7). */
    public static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final Pattern IMF_FIXDATE_SHAPE = Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d"
            + " (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
    private static final String HOW_TO_FORMAT = "DateTimeFormatter.ofPattern(\"EEE, dd MMM yyyy HH:mm:ss 'GMT'\","
            + " Locale.US).withZone(ZoneOffset.UTC)";

    private DateRule() {
    }

    /** The IMF-fixdate value as an instant, or null when it is not exactly that format. */
    public static Instant parseImfFixdate(String value) {
        if (value == null || !IMF_FIXDATE_SHAPE.matcher(value).matches()) {
            return null;
        }
        try {
            return Instant.from(IMF_FIXDATE.parse(value)); // also checks the day of the week
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Date: IMF-fixdate, between the second the request left and the moment the answer arrived. */
    public static HeaderRule date() {
        return new HeaderRule("Date", true, (value, c) -> isDuring(parseImfFixdate(value), c.timed()),
                c -> IMF_FIXDATE.format(c.timed().received()), DateRule::dateHint);
    }

    private static boolean isDuring(Instant date, Timed timed) {
        return date != null && !date.isBefore(timed.sent().truncatedTo(ChronoUnit.SECONDS))
                && !date.isAfter(timed.received());
    }

    private static Hint dateHint(String value, ResponseContext c) {
        if (value == null) {
            return new Hint(Hint.Id.DATE_MISSING, "No Date header. A server that has a clock sends the time of"
                    + " each answer (RFC 9110 §6.6.1), in IMF-fixdate: \"Date: Sun, 06 Nov 1994 08:49:37 GMT\"."
                    + " Format Instant.now() with " + HOW_TO_FORMAT + ".");
        }
        if (value.matches("[A-Za-z]{3}, \\d [A-Za-z]{3} .*")) {
            return new Hint(Hint.Id.DATE_NOT_IMF_FIXDATE, "The day of the month has one digit (\"" + value
                    + "\"): that is what DateTimeFormatter.RFC_1123_DATE_TIME writes, or a pattern with d where dd"
                    + " was due. IMF-fixdate, the format HTTP"
                    + " requires (RFC 9110 §5.6.7), always has two (\"06 Nov\"); on days 10 to 31 the two look the same."
                    + " Format with " + HOW_TO_FORMAT + ".");
        }
        if (value.matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
            return new Hint(Hint.Id.DATE_NOT_IMF_FIXDATE, "Date is ISO 8601 (\"" + value + "\", what"
                    + " Instant.toString() writes), not IMF-fixdate (RFC 9110 §5.6.7): \"Sun, 06 Nov 1994 08:49:37"
                    + " GMT\". Format with " + HOW_TO_FORMAT + ".");
        }
        Matcher zone = Pattern.compile(".*\\d\\d:\\d\\d:\\d\\d (.+)").matcher(value);
        if (zone.matches() && !zone.group(1).equals("GMT")) {
            return new Hint(Hint.Id.DATE_NOT_IMF_FIXDATE, "An HTTP date ends with the three letters GMT, not \""
                    + zone.group(1) + "\" (RFC 9110 §5.6.7), and is the time in GMT: format in ZoneOffset.UTC and"
                    + " write 'GMT' in the pattern.");
        }
        if (inServersLanguage(value)) {
            return new Hint(Hint.Id.DATE_IN_DEFAULT_LOCALE, "Date names its day and month in German (\"" + value
                    + "\"): a Java server formats in German here, as on a laptop in Berlin, and a formatter given"
                    + " no locale writes the machine's language. HTTP's names are English on every machine (RFC 9110"
                    + " §5.6.7): format with " + HOW_TO_FORMAT + ".");
        }
        Instant date = parseImfFixdate(value);
        if (date == null) {
            return new Hint(Hint.Id.DATE_NOT_IMF_FIXDATE, "Date must be IMF-fixdate, exactly like"
                    + " \"Sun, 06 Nov 1994 08:49:37 GMT\" (RFC 9110 §5.6.7):"
                    + " English names (Locale.US), two digits for the day, the time in GMT. Got \"" + value
                    + "\". Format with " + HOW_TO_FORMAT + ".");
        }
        Duration off = Duration.between(c.timed().received(), date);
        long minutes = Math.round(off.toSeconds() / 60.0);
        // The clock read for each answer (its hour and seconds are those of a moment from the request to the
        // answer, however long a busy machine made that), but its minutes are the month's number.
        ZonedDateTime received = c.timed().received().atZone(ZoneOffset.UTC);
        ZonedDateTime dated = date.atZone(ZoneOffset.UTC);
        if (dated.getMinute() == received.getMonthValue() && received.getMinute() != received.getMonthValue()
                && hourAndSecondsOfASecond(dated, c.timed().sent().minusSeconds(1), c.timed().received())) {
            return new Hint(Hint.Id.DATE_MINUTES_AS_MONTH, "Date (" + value + ") gives the minutes as "
                    + String.format("%02d", received.getMonthValue()) + ", the month: the pattern's MM is the month,"
                    + " mm the minutes.");
        }
        if (Math.abs(minutes) == 12 * 60 && hour12Differs(c.timed().received()) && (minutes < 0 || hourOf(date) == 12)) {
            return new Hint(Hint.Id.DATE_HOUR_12, "Date (" + value + ") is 12 h off: its hour is on a 12-hour clock,"
                    + " the pattern's hh (01 to 12). An HTTP date's hour is 00 to 23: HH.");
        }
        if (Math.abs(minutes) >= 30 && Math.abs(off.toSeconds() - minutes * 60) < 30 && minutes % 15 == 0) {
            return new Hint(Hint.Id.DATE_NOT_NOW, "Date is off by " + minutes / 60 + " h " + Math.abs(minutes % 60)
                    + " min: the time of the server's time zone, written as if it were GMT. HTTP dates are the time in"
                    + " GMT: format Instant.now() in ZoneOffset.UTC, not LocalDateTime.now() or ZonedDateTime.now().");
        }
        if (date.isBefore(c.timed().sent())) {
            return new Hint(Hint.Id.DATE_NOT_NOW, "Date (" + value + ") is older than the request, by "
                    + Duration.between(date, c.timed().sent()).toSeconds() + " s: the time must be read for each"
                    + " answer, not once at start.");
        }
        return new Hint(Hint.Id.DATE_NOT_NOW, "Date (" + value + ") is later than the moment the answer arrived: it"
                + " must be the time of the answer.");
    }

    /**
     * Whether {@code value} is an IMF-fixdate in the language of the servers' machine ({@link
     * Sandbox#SERVERS_LOCALE}): the date of a formatter given no locale.
     */
    public static boolean inServersLanguage(String value) {
        try {
            IMF_FIXDATE.withLocale(Sandbox.SERVERS_LOCALE).parse(value);
            return !IMF_FIXDATE_SHAPE.matcher(value).matches();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Whether a second from {@code from} to {@code to} has the hour and the seconds of {@code dated}. */
    private static boolean hourAndSecondsOfASecond(ZonedDateTime dated, Instant from, Instant to) {
        for (Instant second = from.truncatedTo(ChronoUnit.SECONDS); !second.isAfter(to); second = second.plusSeconds(1)) {
            ZonedDateTime then = second.atZone(ZoneOffset.UTC);
            if (then.getHour() == dated.getHour() && then.getSecond() == dated.getSecond()) {
                return true;
            }
        }
        return false;
    }

    /** Last-Modified: the file's time, in whole seconds, as IMF-fixdate (RFC 9110 §8.8.2). */
    public static HeaderRule lastModified(Instant modified) {
        String expected = IMF_FIXDATE.format(modified.truncatedTo(ChronoUnit.SECONDS));
        return new HeaderRule("Last-Modified", true, (value, c) -> value.equals(expected), c -> expected,
                (value, c) -> lastModifiedHint(value, expected, modified.atZone(ZoneOffset.UTC).getYear()));
    }

    private static Hint lastModifiedHint(String value, String expected, int year) {
        if (value == null) {
            return new Hint(Hint.Id.LAST_MODIFIED_WRONG, "No Last-Modified header. Send it with every file: the"
                    + " file's time (Files.getLastModifiedTime), in IMF-fixdate like Date, so that a browser can ask"
                    + " later whether it changed (If-Modified-Since).");
        }
        if (value.equals(expected.replace(" " + year + " ", " " + (year + 1) + " "))) {
            return new Hint(Hint.Id.LAST_MODIFIED_WEEK_YEAR, "Last-Modified says the year after the file's (\""
                    + value + "\" for " + expected + "): \"YYYY\" in a DateTimeFormatter's pattern is the year of"
                    + " the week, which in the last days of December is often the next one. The date's year is"
                    + " \"yyyy\". (Date has the same mistake, seen only at the end of December.)");
        }
        return new Hint(Hint.Id.LAST_MODIFIED_WRONG, value.matches("[A-Za-z]{3}, \\d [A-Za-z]{3} .*")
                ? "The day of the month has one digit (\"" + value + "\"): that is what"
                        + " DateTimeFormatter.RFC_1123_DATE_TIME writes. IMF-fixdate, the format HTTP requires"
                        + " (RFC 9110 §5.6.7), always has two: \"" + expected + "\"."
                : inServersLanguage(value)
                ? "Last-Modified names its day and month in German (\"" + value + "\"), as a Java server"
                        + " formats here: HTTP's names are English on every machine. Format with"
                        + " Locale.US, like Date: \"" + expected + "\"."
                : "Last-Modified says \"" + value + "\", but the file was modified at " + expected
                        + ": its time in GMT, in whole seconds, in IMF-fixdate like Date.");
    }

    /** Whether hh and HH write different hours at {@code time}, in GMT: from 13:00 to 00:59. */
    public static boolean hour12Differs(Instant time) {
        int hour = hourOf(time);
        return hour == 0 || hour > 12;
    }

    private static int hourOf(Instant time) {
        return time.atZone(ZoneOffset.UTC).getHour();
    }

    /** Whether a Date written with MM for the minutes differs from the true one at {@code time}: not at minute == month. */
    public static boolean minutesAsMonthDiffer(Instant time) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        return utc.getMinute() != utc.getMonthValue();
    }
}
