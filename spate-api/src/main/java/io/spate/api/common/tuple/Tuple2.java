package io.spate.api.common.tuple;

import io.spate.annotations.Public;
import java.util.Objects;

/** A tuple of 2 fields. */
@Public
public class Tuple2<T0, T1> extends Tuple {
    private static final long serialVersionUID = 1L;

    public T0 f0;
    public T1 f1;

    /** A tuple with every field {@code null}. */
    public Tuple2() {}

    public Tuple2(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
        return new Tuple2<>(f0, f1);
    }

    @Override
    public int getArity() {
        return 2;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) f0;
            case 1:
                return (T) f1;
            default:
                throw new IndexOutOfBoundsException("Tuple2 has no field " + pos);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0:
                f0 = (T0) value;
                break;
            case 1:
                f1 = (T1) value;
                break;
            default:
                throw new IndexOutOfBoundsException("Tuple2 has no field " + pos);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple2)) {
            return false;
        }
        Tuple2<?, ?> t = (Tuple2<?, ?>) o;
        return Objects.equals(f0, t.f0) && Objects.equals(f1, t.f1);
    }

    @Override
    public int hashCode() {
        return Objects.hash(f0, f1);
    }

    /** {@code (f0,f1,...)}, as Flink prints tuples. */
    @Override
    public String toString() {
        return "(" + f0 + "," + f1 + ")";
    }
}
