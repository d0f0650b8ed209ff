package io.spate.api.common.tuple;

import io.spate.annotations.Public;
import java.util.Objects;

/** A tuple of 8 fields. */
@Public
public class Tuple8<T0, T1, T2, T3, T4, T5, T6, T7> extends Tuple {
    private static final long serialVersionUID = 1L;

    public T0 f0;
    public T1 f1;
    public T2 f2;
    public T3 f3;
    public T4 f4;
    public T5 f5;
    public T6 f6;
    public T7 f7;

    /** A tuple with every field {@code null}. */
    public Tuple8() {}

    public Tuple8(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
        this.f7 = f7;
    }

    public static <T0, T1, T2, T3, T4, T5, T6, T7> Tuple8<T0, T1, T2, T3, T4, T5, T6, T7> of(
            T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7) {
        return new Tuple8<>(f0, f1, f2, f3, f4, f5, f6, f7);
    }

    @Override
    public int getArity() {
        return 8;
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
            case 5:
                return (T) f5;
            case 6:
                return (T) f6;
            case 7:
                return (T) f7;
            default:
                throw new IndexOutOfBoundsException("Tuple8 has no field " + pos);
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
            case 5:
                f5 = (T5) value;
                break;
            case 6:
                f6 = (T6) value;
                break;
            case 7:
                f7 = (T7) value;
                break;
            default:
                throw new IndexOutOfBoundsException("Tuple8 has no field " + pos);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple8)) {
            return false;
        }
        Tuple8<?, ?, ?, ?, ?, ?, ?, ?> t = (Tuple8<?, ?, ?, ?, ?, ?, ?, ?>) o;
        return Objects.equals(f0, t.f0)
                && Objects.equals(f1, t.f1)
                && Objects.equals(f2, t.f2)
                && Objects.equals(f3, t.f3)
                && Objects.equals(f4, t.f4)
                && Objects.equals(f5, t.f5)
                && Objects.equals(f6, t.f6)
                && Objects.equals(f7, t.f7);
    }

    @Override
    public int hashCode() {
        return Objects.hash(f0, f1, f2, f3, f4, f5, f6, f7);
    }

    /** {@code (f0,f1,...)}, as Flink prints tuples. */
    @Override
    public String toString() {
        return "(" + f0 + "," + f1 + "," + f2 + "," + f3 + "," + f4 + "," + f5 + "," + f6 + "," + f7
                + ")";
    }
}
