package dev.ridgeline.core.expr;

import java.util.List;

/** The parsed form of an expression: a tree of terms, each remembering the offset it was written at. */
sealed interface Term {
    int offset();

    /** A literal number (Long or Double), boolean or text. */
    record Literal(Object value, int offset) implements Term {
    }

    /** A $name. */
    record Name(String name, int offset) implements Term {
    }

    /** -x or not x. */
    record Unary(String op, Term operand, int offset) implements Term {
    }

    /** x OP y: arithmetic, a comparison, and, or. */
    record Binary(String op, Term left, Term right, int offset) implements Term {
    }

    /** min, max, round, ceil or make_divisible. */
    record Call(String function, List<Term> args, int offset) implements Term {
        public Call {
            args = List.copyOf(args);
        }
    }
}
