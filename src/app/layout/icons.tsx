// Simple line icons for the bottom navigation. Drawn here (24×24, currentColor) rather than taken
// from an icon library: five icons do not justify a dependency on the first load.
type IconProps = { readonly name: 'home' | 'members' | 'savings' | 'loans' | 'more' };

const PATHS: Record<IconProps['name'], string> = {
  home: 'M3 11 12 3l9 8M5 10v10h5v-6h4v6h5V10',
  members: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM2 21c0-4 3-7 7-7s7 3 7 7M16 3.5a4 4 0 0 1 0 7.5M18 14c2.5 1 4 3.5 4 7',
  savings: 'M4 7h16v13H4zM4 11h16M9 4h6M12 4v3M15 15.5h2',
  loans: 'M3 12h4l3-3 4 2 3-3h4M3 12v6h4M21 8v10h-4M8 17l3 2 5-4',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
};

export function NavIcon({ name }: IconProps) {
  return (
    <svg
      className="nav-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === 'more' ? 3.5 : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
