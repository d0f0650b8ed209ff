package io.spate.api.common.tuple;

import io.spate.annotations.Public;
import java.util.Objects;

/** A tuple of 1 field. */
@Public
public class Tuple1<T0> extends Tuple {
    private static final long serialVersionUID = 1L;

    public T0 f0;

    /** A tuple with every field {@code null}. */
    public Tuple1() {}

    public Tuple1(T0 f0) {
        this.f0 = f0;
    }

    public static <T0> Tuple1<T0> of(T0 f0) {
        return new Tuple1<>(f0);
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) f0;
            default:
                throw new IndexOutOfBoundsException("Tuple1 has no field " + pos);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0:
                f0 = (T0) value;
                break;
            default:
                throw new IndexOutOfBoundsException("Tuple1 has no field " + pos);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple1)) {
            return false;
        }
        Tuple1<?> t = (Tuple1<?>) o;
        return Objects.equals(f0, t.f0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(f0);
    }

    /** {@code (f0,f1,...)}, as Flink prints tuples. */
    @Override
    public String toString() {
        return "(" + f0 + ")";
    }
}
