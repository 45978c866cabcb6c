import type { ReactNode } from 'react';

type Props = {
  readonly title: string;
  readonly intro: string;
  /** Heading above the list of what the screen will hold. */
  readonly planTitle: string;
  readonly plan: readonly string[];
  readonly children?: ReactNode;
};

/**
 * The honest page of a screen family whose engineer has not landed it yet: its title, what it is
 * for, and what it will hold. Each feature replaces its own index.tsx; this file goes away with
 * the last user.
 */
export function PlannedScreen({ title, intro, planTitle, plan, children }: Props) {
  return (
    <article className="page">
      <h1 className="page__title">{title}</h1>
      <p className="page__intro">{intro}</p>
      <section className="card" aria-labelledby="planned-heading">
        <h2 id="planned-heading" className="card__title">
          {planTitle}
        </h2>
        <ul className="plain-list">
          {plan.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
      {children}
    </article>
  );
}
