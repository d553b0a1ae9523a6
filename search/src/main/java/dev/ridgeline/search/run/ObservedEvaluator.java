package dev.ridgeline.search.run;

import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.space.DesignSpace;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An evaluator that shows every point it evaluates to its thread's {@link Observer}. */
final class ObservedEvaluator implements PointEvaluator {
    private final PointEvaluator inner;
    private final BudgetFilter filter;
    private final boolean record;
    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Observer> mine = ThreadLocal.withInitial(this::newObserver);

    ObservedEvaluator(PointEvaluator inner, BudgetFilter filter, boolean record) {
        this.inner = inner;
        this.filter = filter;
        this.record = record;
    }

    private Observer newObserver() {
        Observer o = new Observer(filter, record, inner.space().knobCount());
        observers.add(o);
        return o;
    }

    @Override
    public DesignSpace space() {
        return inner.space();
    }

    @Override
    public void evaluate(int[] choices, double[] metrics) {
        inner.evaluate(choices, metrics);
        mine.get().observe(choices, metrics);
    }

    @Override
    public Sequential sequential() {
        Sequential seq = inner.sequential();
        Observer observer = mine.get();
        return (choices, changedFrom, metrics) -> {
            seq.evaluate(choices, changedFrom, metrics);
            observer.observe(choices, metrics);
        };
    }

    List<Observer> observers() {
        return observers;
    }
}
