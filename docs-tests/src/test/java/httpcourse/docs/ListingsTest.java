package httpcourse.docs;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every listing in the course text is its real file, and every diff is the real diff, line
 * for line (see {@link Listings} for the markers); every diff's size the text states is the
 * real size (see {@link DiffSizes} for the phrasing and how lines are counted). Run with
 * {@code -Ddocs.update=true} to copy the real code and numbers into the docs first; without it,
 * the tests only compare and never write.
 */
@DisplayName("The code in the docs is the real code")
class ListingsTest {

    static final boolean UPDATE = Boolean.getBoolean("docs.update");

    @TestFactory
    @DisplayName("every marked code block matches its file")
    Stream<DynamicTest> everyBlockMatchesItsFile() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : Repo.markdownFiles()) {
            if (UPDATE) {
                int changed = Listings.update(doc);
                if (changed > 0) {
                    System.out.println("docs.update: rewrote " + changed + " code block(s) in " + Repo.show(doc));
                }
            }
            Listings.Scan scan = Listings.scan(doc);
            for (Listings.BadMarker problem : scan.problems()) {
                tests.add(DynamicTest.dynamicTest(problem.where() + ": a code block is marked correctly",
                        () -> fail(problem.where() + ": " + problem.reason())));
            }
            for (Listings.Block block : scan.blocks()) {
                tests.add(DynamicTest.dynamicTest(block.where() + ": " + block.describe(), () -> {
                    String problem = Listings.check(block);
                    if (problem != null) {
                        fail(problem);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    @DisplayName("every diff's size in the text is the real one")
    Stream<DynamicTest> everyDiffSizeIsReal() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : Repo.markdownFiles()) {
            if (UPDATE) {
                int changed = DiffSizes.update(doc);
                if (changed > 0) {
                    System.out.println("docs.update: rewrote " + changed + " diff size(s) in " + Repo.show(doc));
                }
            }
            DiffSizes.Scan scan = DiffSizes.scan(doc);
            for (DiffSizes.Problem problem : scan.problems()) {
                tests.add(DynamicTest.dynamicTest(problem.where() + ": a diff's size is stated so that it can be checked",
                        () -> fail(problem.where() + ": " + problem.reason())));
            }
            for (DiffSizes.Statement statement : scan.statements()) {
                tests.add(DynamicTest.dynamicTest(statement.where() + ": the size of the diff from "
                        + statement.oldPath() + " to " + statement.newPath() + " is the real one", () -> {
                    String problem = DiffSizes.check(statement);
                    if (problem != null) {
                        fail(problem);
                    }
                }));
            }
        }
        return tests.stream();
    }
}
