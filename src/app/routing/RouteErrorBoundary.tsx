import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { FrameMessages } from '../../i18n/use-t.ts';

type Props = {
  readonly messages: FrameMessages;
  readonly onHome: () => void;
  readonly children: ReactNode;
};
type State = { readonly error: Error | undefined };

/**
 * One boundary per route (keyed by path by the router), so a broken screen shows an Indonesian
 * message while the frame — navigation, the update banner — keeps working. A lazy chunk that fails
 * to load (offline before the worker finished precaching) lands here too.
 */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Route failed to render', error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: undefined });

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    const m = this.props.messages.routeError;
    return (
      <article className="page" role="alert">
        <h1 className="page__title">{m.title}</h1>
        <p>{m.body}</p>
        <div className="actions">
          <button type="button" className="button button--primary" onClick={this.retry}>
            {m.retry}
          </button>
          <button type="button" className="button" onClick={this.props.onHome}>
            {m.home}
          </button>
        </div>
        <details className="details">
          <summary>{m.details}</summary>
          <pre className="details__text">{error.message}</pre>
        </details>
      </article>
    );
  }
}
