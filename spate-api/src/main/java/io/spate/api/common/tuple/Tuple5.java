package io.spate.api.common.tuple;

import io.spate.annotations.Public;
import java.util.Objects;

/** A tuple of 5 fields. */
@Public
public class Tuple5<T0, T1, T2, T3, T4> extends Tuple {
    private static final long serialVersionUID = 1L;

    public T0 f0;
    public T1 f1;
    public T2 f2;
    public T3 f3;
    public T4 f4;

    /** A tuple with every field {@code null}. */
    public Tuple5() {}

    public Tuple5(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
    }

    public static <T0, T1, T2, T3, T4> Tuple5<T0, T1, T2, T3, T4> of(
            T0 f0, T1 f1, T2 f2, T3 f3, T4 f4) {
        return new Tuple5<>(f0, f1, f2, f3, f4);
    }

    @Override
    public int getArity() {
        return 5;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) f0;
            case 1:
                return (T) f1;
            case 2:
                return (T) f2;
            case 3:
                return (T) f3;
            case 4:
                return (T) f4;
            default:
                throw new IndexOutOfBoundsException("Tuple5 has no field " + pos);
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
            case 2:
                f2 = (T2) value;
                break;
            case 3:
                f3 = (T3) value;
                break;
            case 4:
                f4 = (T4) value;
                break;
            default:
                throw new IndexOutOfBoundsException("Tuple5 has no field " + pos);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple5)) {
            return false;
        }
        Tuple5<?, ?, ?, ?, ?> t = (Tuple5<?, ?, ?, ?, ?>) o;
        return Objects.equals(f0, t.f0)
                && Objects.equals(f1, t.f1)
                && Objects.equals(f2, t.f2)
                && Objects.equals(f3, t.f3)
                && Objects.equals(f4, t.f4);
    }

    @Override
    public int hashCode() {
        return Objects.hash(f0, f1, f2, f3, f4);
    }

    /** {@code (f0,f1,...)}, as Flink prints tuples. */
    @Override
    public String toString() {
        return "(" + f0 + "," + f1 + "," + f2 + "," + f3 + "," + f4 + ")";
    }
}
