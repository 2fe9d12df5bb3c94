package httpcourse.grader;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import httpcourse.spec.Hint;

/**
 * The batch's pages, each a single HTML file with its style inside (no script, no font, no
 * picture, nothing fetched): they open from a folder, a zip or an e-mail alike.
 *
 * <ul>
 *   <li>{@code reports/STUDENT.html}: a student's whole report, every failure in full, each
 *       check with an anchor ({@code #step4-check5});</li>
 *   <li>{@code gradebook.html}: a row per student, a column per check, ✓ or ✗ in each cell; a
 *       ✗ opens (a {@code <details>}) on its hint and a link to the failure in the student's report;
 *       – marks a check not run here, its reason in its title.</li>
 * </ul>
 */
final class Html {

    // A hint and its continuation lines, indented under the text after "Hint: " (see Hint.render).
    private static final Pattern HINT_LINE = Pattern.compile("(?m)^( *)(Hint: .*(?:\\n\\1      .*)*)$");

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 1.5em; color: #202124; }
            h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
            pre { background: #f6f8fa; border: 1px solid #d0d7de; padding: .6em; overflow-x: auto; font-size: .85em; }
            pre b { color: #8a4600; }
            code { font-size: .9em; }
            .pass, .pass .mark { color: #137333; } .fail, .fail .mark { color: #a50e0e; }
            .notrun, .notrun .mark { color: #5f6368; } .reason { font-style: italic; margin: .2em 0 0; }
            ol.checks { list-style: none; padding-left: 0; } ol.checks li { margin: .3em 0; }
            ol.checks li.fail { margin-bottom: 1em; } ol.checks pre { color: #202124; }
            .number { color: #5f6368; font-size: .85em; }
            .case { font-style: italic; margin: .4em 0 0; }
            table.gradebook { border-collapse: collapse; font-size: .9em; }
            .gradebook th, .gradebook td { border: 1px solid #d0d7de; padding: .2em .4em; text-align: center; }
            .gradebook tbody th { text-align: left; white-space: nowrap; position: sticky; left: 0; background: #fff; z-index: 1; }
            .gradebook td { position: relative; }
            .gradebook td.pass { background: #e6f4ea; } .gradebook td.fail { background: #fce8e6; }
            .gradebook td.notrun { background: #f1f3f4; }
            .gradebook td.points { font-weight: bold; white-space: nowrap; }
            .gradebook summary { cursor: pointer; list-style: none; }
            .gradebook summary::-webkit-details-marker { display: none; }
            .gradebook .hint { position: absolute; z-index: 2; left: 0; top: 100%; width: 30em; padding: .5em .7em;
              background: #fff; color: #202124; border: 1px solid #a50e0e; box-shadow: 0 2px 6px #0003;
              text-align: left; font-weight: normal; white-space: normal; }
            .hint p { margin: .3em 0; }
            .cause p { margin: .8em 0 .2em; }
            dl.legend dt { float: left; clear: left; width: 3.5em; color: #5f6368; } dl.legend dd { margin-left: 4em; }
            """;

    private Html() {
    }

    /** The anchor of a check in a student's report: "step4-check5", its place counted from 1. */
    static String anchor(StepResult step, int index) {
        return "step" + step.step() + "-check" + (index + 1);
    }

    /** A student's report, every failure in full. */
    static String report(Gradebook.Submission submission, Scoring scoring) {
        StringBuilder html = page("Report for " + submission.student());
        html.append("<h1>Report for ").append(escape(submission.student())).append("</h1>\n");
        html.append("<p class=\"score\">Score: <b>").append(Scoring.points(scoring.earned(submission.steps())))
                .append("</b> of ").append(Scoring.points(scoring.max(submission.steps()))).append(" points (")
                .append(escape(scoring.describe())).append(")</p>\n<ul>\n");
        for (StepResult step : submission.steps()) {
            html.append("<li><a href=\"#step").append(step.step()).append("\">").append(escape(step.title()))
                    .append("</a>: ").append(step.passed()).append(" of ").append(step.total())
                    .append(" checks passed").append(escape(Report.notRunHereNote(step))).append("</li>\n");
        }
        html.append("</ul>\n");
        submission.steps().forEach(step -> step(step, html));
        return html.append("</body>\n</html>\n").toString();
    }

    private static void step(StepResult step, StringBuilder html) {
        html.append("<section id=\"step").append(step.step()).append("\">\n<h2>").append(escape(step.title()))
                .append("</h2>\n<p>server: <code>").append(escape(step.command())).append("</code></p>\n");
        ByteArrayOutputStream around = new ByteArrayOutputStream();
        Report.aroundTheChecks(new PrintStream(around, true, StandardCharsets.UTF_8), step);
        String aroundText = around.toString(StandardCharsets.UTF_8).strip();
        causes(step, html);
        if (!aroundText.isEmpty()) {
            html.append("<pre class=\"problem\">").append(withHints(aroundText)).append("</pre>\n");
        }
        html.append("<ol class=\"checks\">\n");
        for (int i = 0; i < step.checks().size(); i++) {
            StepResult.Check check = step.checks().get(i);
            html.append("<li id=\"").append(anchor(step, i)).append("\" class=\"").append(cssClass(check))
                    .append("\"><span class=\"mark\">").append(Report.mark(check))
                    .append("</span> <span class=\"number\">").append(Gradebook.checkNumber(step, i)).append("</span> ")
                    .append(escape(check.name()));
            if (check.notRunHere()) {
                html.append("\n<p class=\"reason\">Not run here: ").append(escape(check.whyNotRunHere()))
                        .append(". Neither passed nor failed, it is in no total.</p>");
            }
            for (StepResult.Failure failure : check.failures()) {
                if (failure.caseName() != null) {
                    html.append("\n<p class=\"case\">case: ").append(escape(failure.caseName())).append("</p>");
                }
                html.append("\n<pre>").append(withHints(failure.fullReport().stripTrailing())).append("</pre>");
            }
            html.append("</li>\n");
        }
        html.append("</ol>\n</section>\n");
    }

    /** The mistakes that fail several checks each, first: "12 checks fail for one reason", with links to them. */
    private static void causes(StepResult step, StringBuilder html) {
        List<StepResult.Cause> causes = step.commonCauses();
        for (int i = 0; i < causes.size(); i++) {
            StepResult.Cause cause = causes.get(i);
            html.append("<div class=\"cause\"><p><b>").append(cause.checks().size()).append(" checks</b> fail for ")
                    .append(i == 0 ? "one reason" : "another reason").append(":");
            for (int index : cause.checks()) {
                html.append(" <a href=\"#").append(anchor(step, index)).append("\">")
                        .append(Gradebook.checkNumber(step, index)).append("</a>");
            }
            html.append("</p>\n<pre>").append(withHints(cause.hint().render().stripTrailing())).append("</pre></div>\n");
        }
    }

    /** The class: a row per student, a column per check, the hint of a failure one click away. */
    static String gradebook(List<Gradebook.Submission> submissions, Scoring scoring) {
        StringBuilder html = page("Gradebook");
        html.append("<h1>Gradebook</h1>\n<p>").append(submissions.size())
                .append(submissions.size() == 1 ? " student" : " students").append(", ").append(escape(scoring.describe()))
                .append(". Click a ").append(Report.FAIL).append(" for its hint; a student's name opens the whole report.</p>\n");
        if (submissions.isEmpty()) {
            return html.append("</body>\n</html>\n").toString();
        }
        List<StepResult> columns = submissions.get(0).steps();
        html.append("<table class=\"gradebook\">\n<thead>\n<tr><th rowspan=\"2\">student</th><th rowspan=\"2\">score</th>");
        for (StepResult step : columns) {
            html.append("<th colspan=\"").append(step.checks().size() + 1).append("\">").append(escape(step.title())).append("</th>");
        }
        html.append("</tr>\n<tr>");
        for (StepResult step : columns) {
            html.append("<th>points</th>");
            for (int i = 0; i < step.checks().size(); i++) {
                html.append("<th><abbr title=\"").append(escape(step.checks().get(i).name())).append("\">")
                        .append(Gradebook.checkNumber(step, i)).append("</abbr></th>");
            }
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (Gradebook.Submission submission : submissions) {
            String report = "reports/" + pathSegment(submission.student()) + ".html";
            html.append("<tr id=\"student-").append(escape(submission.student())).append("\"><th><a href=\"")
                    .append(escape(report)).append("\">").append(escape(submission.student())).append("</a></th>")
                    .append("<td class=\"points\">").append(Scoring.points(scoring.earned(submission.steps())))
                    .append("/").append(Scoring.points(scoring.max(submission.steps()))).append("</td>");
            for (StepResult step : submission.steps()) {
                html.append("<td class=\"points\"").append(step.note().isEmpty() ? ""
                                : " title=\"" + escape(step.note()) + "\"").append(">")
                        .append(Scoring.points(scoring.earned(step))).append(step.note().isEmpty() ? "" : "!")
                        .append("</td>");
                for (int i = 0; i < step.checks().size(); i++) {
                    cell(step, i, report, html);
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n<p>! = some checks could not run (the server did not"
                + " start): hover over the points, or open the report. ").append(Report.NOT_RUN_HERE)
                .append(" = not run here (a running server cannot be sent signals; this computer cannot make"
                        + " symbolic links...): neither passed nor failed, in no score; hover over it for why.</p>\n"
                        + "<h2>Checks</h2>\n");
        for (StepResult step : columns) {
            html.append("<h3>").append(escape(step.title())).append("</h3>\n<dl class=\"legend\">\n");
            for (int i = 0; i < step.checks().size(); i++) {
                html.append("<dt>").append(Gradebook.checkNumber(step, i)).append("</dt><dd>")
                        .append(escape(step.checks().get(i).name())).append("</dd>\n");
            }
            html.append("</dl>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void cell(StepResult step, int index, String report, StringBuilder html) {
        StepResult.Check check = step.checks().get(index);
        String number = Gradebook.checkNumber(step, index);
        if (check.passed()) {
            html.append("<td class=\"pass\" title=\"").append(number).append(" passed\">").append(Report.PASS).append("</td>");
            return;
        }
        if (check.notRunHere()) {
            html.append("<td class=\"notrun\" title=\"").append(number).append(" not run here: ")
                    .append(escape(check.whyNotRunHere())).append("\">").append(Report.NOT_RUN_HERE).append("</td>");
            return;
        }
        html.append("<td class=\"fail\"><details><summary title=\"").append(number).append(" failed: click for its hint\">")
                .append(Report.FAIL).append("</summary><div class=\"hint\"><p><b>").append(number).append("</b> ")
                .append(escape(check.name())).append("</p><p>").append(escape(hint(step, check)))
                .append("</p><p><a href=\"").append(escape(report)).append('#').append(anchor(step, index))
                .append("\">The whole report</a></p></div></details></td>");
    }

    /**
     * A failed check in one line: its first hint (the most likely mistake), else what went wrong;
     * for a check that never ran, why (the server did not start: the problem's hint); for one not
     * run here, why it could not.
     */
    static String hint(StepResult step, StepResult.Check check) {
        if (check.notRunHere()) {
            return "Not run here: " + check.whyNotRunHere() + ".";
        }
        if (!check.ran() && step.problem() != null) {
            String why = check.failures().get(check.failures().size() - 1).headline().replace(" (see above)", "");
            return step.problem().hints().isEmpty() ? why + " " + step.note() : why + " " + step.problem().hints().get(0).text();
        }
        for (StepResult.Failure failure : check.failures()) {
            if (!failure.hints().isEmpty()) {
                Hint hint = failure.hints().get(0);
                return (failure.caseName() == null ? "" : failure.caseName() + ": ") + hint.text();
            }
        }
        StepResult.Failure first = check.failures().get(0);
        return (first.caseName() == null ? "" : first.caseName() + ": ") + first.headline();
    }

    /** The class of a check's line: pass, fail (or never ran), notrun (not run here). */
    private static String cssClass(StepResult.Check check) {
        return check.passed() ? "pass" : check.notRunHere() ? "notrun" : "fail";
    }

    private static StringBuilder page(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    /** Escaped, with the hint lines in bold. */
    private static String withHints(String text) {
        Matcher lines = HINT_LINE.matcher(escape(text));
        return lines.replaceAll("$1<b>$2</b>");
    }

    static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    /** A file name in a link: every byte that is not a letter, digit, - . _ ~ percent-encoded. */
    static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
