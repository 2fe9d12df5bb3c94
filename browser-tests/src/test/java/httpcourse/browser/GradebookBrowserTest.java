package httpcourse.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import httpcourse.grader.Grade;
import httpcourse.spec.Course;
import httpcourse.spec.Repository;
import httpcourse.spec.SpecConfig;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The grader's class gradebook in a real browser. A class of two is graded on step 2 with the
 * grader's batch: alice hands in step 2's server (every check passes), bob step 1's (it answers
 * Hello World, not index.html). Then headless Chromium opens grades/gradebook.html from the disk,
 * as an instructor would: bob's failed check shows its hint when clicked, and the hint's link
 * leads to that failure in bob's report.
 */
@DisplayName("The grader's class gradebook in a real browser")
@ExtendWith(SharedChromium.class)
class GradebookBrowserTest {

    @TempDir
    static Path work;

    static Path grades;
    static WebDriver driver;

    @BeforeAll
    static void gradeAClass(WebDriver sharedDriver) throws IOException {
        driver = sharedDriver;
        Path submissions = work.resolve("submissions");
        handIn(submissions.resolve("alice"), 2);
        handIn(submissions.resolve("bob"), 1);
        grades = work.resolve("grades");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Our own servers: no sandbox needed. The timeouts are fail-safes: both answer at once.
        int status = Grade.run(new String[] {"--batch", submissions.toString(), "--step", "2", "--no-sandbox",
                "--command", SpecConfig.javaExecutable() + " {dir}/HttpServer.java", "--out", grades.toString(),
                "--timeout", "10", "--startup-timeout", "60"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1); // bob failed checks
    }

    private static void handIn(Path folder, int step) throws IOException {
        Files.createDirectories(folder);
        Files.copy(Repository.stepSource(step), folder.resolve("HttpServer.java"));
    }

    @Test
    @DisplayName("a student's row shows a ✓ or ✗ per check; a ✗ reveals its hint when clicked, and links to the failure")
    void aFailedCheckRevealsItsHint() throws IOException {
        driver.get(grades.resolve("gradebook.html").toUri().toString());
        assertThat(driver.getTitle()).isEqualTo("Gradebook");

        int checks = Course.step(2).checks().size();
        WebElement alice = driver.findElement(By.id("student-alice"));
        assertThat(alice.findElements(By.cssSelector("td.pass"))).as("alice's passed checks").hasSize(checks);
        assertThat(alice.findElements(By.cssSelector("td.fail"))).as("alice's failed checks").isEmpty();

        WebElement bob = driver.findElement(By.id("student-bob"));
        assertThat(bob.findElements(By.cssSelector("td.pass, td.fail"))).as("bob's checks").hasSize(checks);
        // Step 1 answers Hello World to everything: it fails most of step 2's checks, the first one first.
        List<WebElement> failed = bob.findElements(By.cssSelector("td.fail details"));
        assertThat(failed).as("bob's failed checks").isNotEmpty();
        WebElement cell = failed.get(0);
        WebElement hint = cell.findElement(By.className("hint"));
        assertThat(hint.isDisplayed()).as("the hint before a click").isFalse();

        cell.findElement(By.tagName("summary")).click();
        assertThat(hint.isDisplayed()).as("the hint after a click").isTrue();
        assertThat(hint.getText()).contains("2.1", "The body is not the file the spec generated");
        screenshot("gradebook-hint");

        hint.findElement(By.linkText("The whole report")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/reports/bob.html#step2-check1");
        assertThat(driver.findElement(By.id("step2-check1")).getText())
                .contains("Request sent", "Actual response", "Hint: The body is not the file the spec generated");
        screenshot("gradebook-report");
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(BrowserTest.SCREENSHOTS);
        Files.write(BrowserTest.SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
