package io.spate.api.common.tuple;

import io.spate.annotations.Public;
import java.io.Serializable;

/**
 * A fixed-size group of values with public fields {@code f0, f1, ...}, as Flink users know them.
 * Tuples are mutable for convenience, but a tuple handed to a {@code Collector} must not be changed
 * afterwards.
 */
@Public
public abstract class Tuple implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The largest arity with a class of its own. */
    public static final int MAX_ARITY = 8;

    public abstract int getArity();

    /** The value of field {@code pos}, counted from 0. */
    public abstract <T> T getField(int pos);

    public abstract <T> void setField(T value, int pos);

    /** A new tuple of the given arity with all fields {@code null}. */
    public static Tuple newInstance(int arity) {
        switch (arity) {
            case 1:
                return new Tuple1<>();
            case 2:
                return new Tuple2<>();
            case 3:
                return new Tuple3<>();
            case 4:
                return new Tuple4<>();
            case 5:
                return new Tuple5<>();
            case 6:
                return new Tuple6<>();
            case 7:
                return new Tuple7<>();
            case 8:
                return new Tuple8<>();
            default:
                throw new IllegalArgumentException(
                        "Tuples have 1 to " + MAX_ARITY + " fields, not " + arity);
        }
    }

    /** The tuple class of an arity. */
    @SuppressWarnings("unchecked")
    public static Class<? extends Tuple> getTupleClass(int arity) {
        switch (arity) {
            case 1:
                return Tuple1.class;
            case 2:
                return Tuple2.class;
            case 3:
                return Tuple3.class;
            case 4:
                return Tuple4.class;
            case 5:
                return Tuple5.class;
            case 6:
                return Tuple6.class;
            case 7:
                return Tuple7.class;
            case 8:
                return Tuple8.class;
            default:
                throw new IllegalArgumentException(
                        "Tuples have 1 to " + MAX_ARITY + " fields, not " + arity);
        }
    }
}
