package httpcourse.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import httpcourse.spec.TemporaryFolders;

/**
 * Step 17's page: some 150 kB of UTF-8 text (non-ASCII words among them: ü, é, 世界, ✓, an emoji
 * of four bytes), with a script and a style sheet of more than 1 KiB each, and a picture. Step 17
 * sends the three text files gzip-compressed, and the picture as it is (a PNG is compressed already).
 * What the page shows tells whether Chromium got every byte: the text is {@link #text()}, whose
 * last paragraph is {@link #END} (a body cut short loses it); the script, whose statement comes
 * last, sets {@code window.compressedScript}; the style sheet's last rule colours the heading
 * {@link #COLOR}. The files are written into the htdocs of a working directory of the test's own.
 */
final class CompressionPage {

    /** The page's URL path; the files it uses, next to it in htdocs. */
    static final String PATH = "/compressed.html";
    static final String SCRIPT = "compressed.js";
    static final String STYLE = "compressed.css";
    static final String PICTURE = "noise.png";
    static final String TITLE = "Compressed";

    static final int PARAGRAPHS = 1500;
    static final String END = "The end: Grüße, 世界 ✓ 🙂";
    static final String COLOR = "rgb(0, 102, 51)";
    static final String GREETING = "Grüße, café, 世界, ✓, 🙂";
    static final int PICTURE_SIDE = 64;

    // Words to draw the paragraphs from: ASCII, and characters of two, three and four bytes in UTF-8.
    private static final List<String> WORDS = List.of("lorem", "ipsum", "dolor", "sit", "amet", "Grüße",
            "café", "naïve", "Ωmega", "世界", "✓", "🙂", "chunk", "gzip", "deflate", "Zürich", "señor", "東京");

    private CompressionPage() {
    }

    /** The paragraphs of the page's text: numbered, of words drawn at random (always the same), then {@link #END}. */
    static List<String> paragraphs() {
        Random random = new Random(17);
        List<String> paragraphs = IntStream.rangeClosed(1, PARAGRAPHS - 1)
                .mapToObj(n -> n + ". " + IntStream.range(0, 14).mapToObj(i -> WORDS.get(random.nextInt(WORDS.size())))
                        .collect(Collectors.joining(" ")) + ".")
                .collect(Collectors.toList());
        paragraphs.add(END);
        return paragraphs;
    }

    /** The text of the page's {@code <div id="text">}, as its textContent gives it: the paragraphs, a line feed between them. */
    static String text() {
        return String.join("\n", paragraphs());
    }

    static String html() {
        String body = paragraphs().stream().map(paragraph -> "<p>" + paragraph + "</p>").collect(Collectors.joining("\n"));
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <link rel="stylesheet" href="%s">
                <script src="%s" defer></script>
                </head>
                <body>
                <h1>%s</h1>
                <img id="picture" src="%s" width="%d" height="%d" alt="noise">
                <div id="text">%s</div>
                </body>
                </html>
                """.formatted(TITLE, STYLE, SCRIPT, TITLE, PICTURE, PICTURE_SIDE, PICTURE_SIDE, body);
    }

    /** The script: comment lines that make it larger than 1 KiB, then the statement that says it ran. */
    static String script() {
        String padding = IntStream.rangeClosed(1, 30)
                .mapToObj(n -> "// Line " + n + " of a comment that makes this script larger than 1 KiB: " + GREETING + "\n")
                .collect(Collectors.joining());
        return padding + """
                'use strict';
                window.compressedScript = {
                  greeting: '%s',
                  paragraphs: document.querySelectorAll('#text p').length
                };
                """.formatted(GREETING);
    }

    /** The style sheet: rules for nothing, larger than 1 KiB, then the rule that colours the heading. */
    static String style() {
        String padding = IntStream.rangeClosed(1, 40)
                .mapToObj(n -> ".unused-" + n + " { margin: " + n + "px; } /* " + GREETING + " */\n")
                .collect(Collectors.joining());
        return padding + "h1 { color: " + COLOR + "; }\n";
    }

    /** A PNG of coloured noise, always the same (a few kB: deflate, inside the PNG, finds nothing to shrink). */
    static byte[] picture() throws IOException {
        Random random = new Random(17);
        BufferedImage image = new BufferedImage(PICTURE_SIDE, PICTURE_SIDE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < PICTURE_SIDE; y++) {
            for (int x = 0; x < PICTURE_SIDE; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /**
     * A new working directory for step 17: a copy of the repository's htdocs, with the page, its
     * script, style sheet and picture. Delete it with {@link TemporaryFolders#delete} (or it goes
     * when the JVM exits).
     */
    static Path workingDirectory() throws IOException {
        Path work = StepServer.copyOfHtdocs("browser-tests-step17-");
        Path htdocs = work.resolve("htdocs");
        Files.writeString(htdocs.resolve(PATH.substring(1)), html(), StandardCharsets.UTF_8);
        Files.writeString(htdocs.resolve(SCRIPT), script(), StandardCharsets.UTF_8);
        Files.writeString(htdocs.resolve(STYLE), style(), StandardCharsets.UTF_8);
        Files.write(htdocs.resolve(PICTURE), picture());
        return work;
    }
}
