package io.spate.core.serialization;

import io.spate.core.serialization.TestTypes.Point;
import java.util.List;
import java.util.Objects;

/** Sealed hierarchies for the serializer tests. */
public final class SealedTypes {
    private SealedTypes() {}

    /** A nested hierarchy: tags Circle 0, Square 1, Triangle 2, Quad 3. */
    public sealed interface Shape permits Circle, Square, Polygon {}

    public record Circle(Point center, double radius) implements Shape {}

    public record Square(Point corner, int side) implements Shape {}

    public sealed interface Polygon extends Shape permits Triangle, Quad {}

    public record Triangle(Point a, Point b, Point c) implements Polygon {}

    /** A POJO among records. */
    public static final class Quad implements Polygon {
        public int width;
        public int height;

        public Quad() {}

        public Quad(int width, int height) {
            this.width = width;
            this.height = height;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Quad && ((Quad) o).width == width && ((Quad) o).height == height;
        }

        @Override
        public int hashCode() {
            return Objects.hash(width, height);
        }
    }

    /** Sealed types in fields, lists and as nullable values. */
    public record Drawing(String name, Shape main, List<Shape> shapes, Polygon outline) {}

    /** Recursive through a sealed type. */
    public sealed interface Expr permits Literal, Add, Negate {}

    public record Literal(long value) implements Expr {}

    public record Add(Expr left, Expr right) implements Expr {}

    public record Negate(Expr operand) implements Expr {}

    /** An enum with constant bodies among the permitted subclasses, and recursion via a list. */
    public sealed interface Json permits JsonConstant, JsonNumber, JsonArray {}

    public enum JsonConstant implements Json {
        NULL,
        TRUE {
            @Override
            public String toString() {
                return "true, with a body";
            }
        }
    }

    public record JsonNumber(long value) implements Json {}

    public record JsonArray(List<Json> items) implements Json {}

    /** A sealed abstract class with a final and a non-sealed subclass. */
    public abstract static sealed class Account permits Savings, Checking {
        public String owner;

        @Override
        public boolean equals(Object o) {
            return o != null
                    && o.getClass() == getClass()
                    && Objects.equals(owner, ((Account) o).owner);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(owner);
        }
    }

    public static final class Savings extends Account {
        public double rate;

        @Override
        public boolean equals(Object o) {
            return super.equals(o) && ((Savings) o).rate == rate;
        }

        @Override
        public int hashCode() {
            return Objects.hash(owner, rate);
        }
    }

    public static non-sealed class Checking extends Account {}

    /** Not known to the serializer of Account. */
    public static class PremiumChecking extends Checking {
        public int perks;
    }

    /** A sealed class with instances of its own: tags Animal 0, Dog 1. */
    public static sealed class Animal permits Dog {
        public String name;

        public Animal() {}

        public Animal(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o != null
                    && o.getClass() == getClass()
                    && Objects.equals(name, ((Animal) o).name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }

    public static final class Dog extends Animal {
        public boolean good;
        public Animal friend;

        public Dog() {}

        public Dog(String name, boolean good, Animal friend) {
            super(name);
            this.good = good;
            this.friend = friend;
        }

        @Override
        public boolean equals(Object o) {
            return super.equals(o)
                    && ((Dog) o).good == good
                    && Objects.equals(((Dog) o).friend, friend);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, good, friend);
        }
    }

    /** Generic: the type argument passes to the subclasses. */
    public sealed interface Result<T> permits Ok, Failed {}

    public record Ok<T>(T value) implements Result<T> {}

    public record Failed<T>(String message) implements Result<T> {}

    /** The subclass's variable sits inside the sealed type's argument. */
    public sealed interface Many<T> permits ListOfMany {}

    public record ListOfMany<E>(List<E> items) implements Many<List<E>> {}

    /** More than eight concrete classes: the serializer looks classes up by hash. */
    public sealed interface Digit permits D0, D1, D2, D3, D4, D5, D6, D7, D8, D9 {}

    public record D0() implements Digit {}

    public record D1() implements Digit {}

    public record D2() implements Digit {}

    public record D3() implements Digit {}

    public record D4() implements Digit {}

    public record D5() implements Digit {}

    public record D6() implements Digit {}

    public record D7() implements Digit {}

    public record D8() implements Digit {}

    public record D9(int value) implements Digit {}

    /** A diamond: Both is reached through Left and through Right. */
    public sealed interface Top permits Left, Right {}

    public sealed interface Left extends Top permits Both, OnlyLeft {}

    public sealed interface Right extends Top permits Both {}

    public record Both(int x) implements Left, Right {}

    public record OnlyLeft(int y) implements Left {}

    // ---- types without a serializer

    public sealed interface Task permits Job, Callback {}

    public record Job(String id) implements Task {}

    /** Not a POJO: no public no-argument constructor. */
    public static final class Callback implements Task {
        private final Runnable action;

        public Callback(Runnable action) {
            this.action = action;
        }

        public Runnable action() {
            return action;
        }
    }

    public sealed interface Plugin permits OpenPlugin, ClosedPlugin {}

    public non-sealed interface OpenPlugin extends Plugin {}

    public record ClosedPlugin() implements Plugin {}

    public sealed interface Message permits Boxed {}

    /** T is not bound by Message, which has no type parameters. */
    public record Boxed<T>(T value) implements Message {}

    public record Envelope(Task task) {}
}
