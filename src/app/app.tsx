import { FluentProvider, Title1, Body1, teamsLightTheme } from '@fluentui/react-components';

export function App() {
  return (
    <FluentProvider theme={teamsLightTheme} style={{ minHeight: '100vh', padding: 24 }}>
      <main>
        <Title1 as="h1">Audit Tracker</Title1>
        <Body1 as="p">Audit recommendations, tracked to closure.</Body1>
      </main>
    </FluentProvider>
  );
}
