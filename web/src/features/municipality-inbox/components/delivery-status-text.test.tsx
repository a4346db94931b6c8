import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { DeliveryStatusText } from './delivery-status-text';

const ack = { receivedOn: '2026-11-06', protocolNumber: 'P-42', acknowledgedAt: '2026-11-06T10:00:00.000Z' };

test.each([
  ['delivered', null, null, 'Consegnata: in attesa della ricevuta del comune (entro il 23/11/2026)'],
  ['overdue', null, null, 'In ritardo: nessuna ricevuta del comune entro il 23/11/2026'],
  ['acknowledged', ack, null, 'Ricevuta dal comune il 06/11/2026, protocollo P-42'],
  // no office account: the printed letter by PEC stays the route
  [
    'no_account',
    null,
    'protocollo@pec.comune.it',
    'Nessun account del comune: inviare la lettera per PEC a protocollo@pec.comune.it',
  ],
  ['no_account', null, null, 'Nessun account del comune: inviare la lettera per PEC'],
] as const)(
  'DeliveryStatusText: when %s (ack %j, PEC %s), then it reads "%s"',
  (status, acknowledgement, pec, text) => {
    renderWithProviders(
      <DeliveryStatusText status={status} dueBy="2026-11-23" acknowledgement={acknowledgement} pec={pec} />,
    );

    expect(screen.getByText(text, { exact: true })).toBeInTheDocument();
  },
);
