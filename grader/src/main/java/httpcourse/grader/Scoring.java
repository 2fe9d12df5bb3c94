package httpcourse.grader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many points a step is worth: by default one per check; with {@code --points P} every step
 * is worth P points, with {@code --points N=P} step N is, and its P points are split evenly over
 * its checks. A check is passed or failed, never half: a step's points are its share of passed checks.
 * A check not run here (see {@link StepResult.Outcome#NOT_RUN_HERE}) is in no share: a step's
 * points are split over the checks that could run, and a step none of whose checks could run is
 * worth nothing.
 *
 * @param everyStep the points of every step not named in {@code byStep}; null: one per check
 * @param byStep    the points of the steps named
 */
record Scoring(Double everyStep, Map<Integer, Double> byStep) {

    static final Scoring ONE_PER_CHECK = new Scoring(null, Map.of());

    Scoring {
        byStep = Map.copyOf(byStep);
    }

    /**
     * Reads the values of {@code --points}: "P" (every step) or "N=P" (step N), P from 0.01 to
     * 10000. Throws an IllegalArgumentException whose message says what is wrong.
     */
    static Scoring parse(List<String> values) {
        Double every = null;
        Map<Integer, Double> steps = new TreeMap<>();
        for (String value : values) {
            String[] parts = value.strip().split("=", -1);
            if (parts.length > 2) {
                throw new IllegalArgumentException(wrong(value));
            }
            double points = number(parts[parts.length - 1], value);
            if (parts.length == 1) {
                every = points;
                continue;
            }
            try {
                steps.put(Integer.parseInt(parts[0].strip()), points);
            } catch (NumberFormatException notAStep) {
                throw new IllegalArgumentException(wrong(value));
            }
        }
        return new Scoring(every, steps);
    }

    private static double number(String text, String value) {
        try {
            double points = Double.parseDouble(text.strip());
            if (points >= 0.01 && points <= 10_000) {
                return points;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(wrong(value));
    }

    private static String wrong(String value) {
        return "--points needs P or STEP=P, P a number of points from 0.01 to 10000, e.g. --points 10 or"
                + " --points 4=20 (got \"" + value + "\")";
    }

    /** The steps named by {@code N=P} that are not graded: a mistake in the command line. */
    List<Integer> stepsNotIn(List<Integer> graded) {
        return byStep.keySet().stream().filter(step -> !graded.contains(step)).sorted().toList();
    }

    /** The points a step is worth: none when none of its checks could run here. */
    double max(StepResult step) {
        Double points = byStep.getOrDefault(step.step(), everyStep);
        return points == null || step.total() == 0 ? step.total() : points;
    }

    /** The points of one check of a step. */
    double perCheck(StepResult step) {
        return step.total() == 0 ? 0 : max(step) / step.total();
    }

    /** The points a step earned: its share of passed checks. */
    double earned(StepResult step) {
        return step.total() == 0 ? 0 : max(step) * step.passed() / step.total();
    }

    double max(List<StepResult> steps) {
        return steps.stream().mapToDouble(this::max).sum();
    }

    double earned(List<StepResult> steps) {
        return steps.stream().mapToDouble(this::earned).sum();
    }

    /** For a person: "1 point per check", "10 points per step", "step 4: 20 points, the others 1 per check". */
    String describe() {
        if (byStep.isEmpty()) {
            return everyStep == null ? "1 point per check" : points(everyStep) + " points per step, split over its checks";
        }
        StringBuilder text = new StringBuilder();
        byStep.forEach((step, points) -> text.append("step ").append(step).append(": ").append(points(points))
                .append(" points, "));
        return text.append(everyStep == null ? "the others 1 per check" : "the others " + points(everyStep))
                .toString();
    }

    /** A number of points with at most two decimals, without trailing zeros: 27, 3.7, 0.37. */
    static String points(double points) {
        return round(points, 2).toPlainString();
    }

    /** Rounded half up to {@code decimals} places, trailing zeros removed. */
    static BigDecimal round(double value, int decimals) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
