package httpcourse.spec;

import org.assertj.core.presentation.StandardRepresentation;

/**
 * Makes CR, LF and tab visible in every AssertJ failure message (registered as a service in
 * META-INF/services). By default AssertJ prints a raw CR, so "\r\n" and "\n" look the same.
 */
public class VisibleRepresentation extends StandardRepresentation {

    @Override
    protected String toStringOf(String s) {
        return super.toStringOf(s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t"));
    }
}
