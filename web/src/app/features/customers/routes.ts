import { Routes } from '@angular/router';

/** 客户管理 (§3) */
export default [
  {
    path: 'customers',
    loadComponent: () => import('./customers/customers-page').then((m) => m.CustomersPage),
  },
  {
    path: 'groups',
    loadComponent: () => import('./groups/customer-groups-page').then((m) => m.CustomerGroupsPage),
  },
  {
    path: 'mass-messages',
    loadComponent: () => import('./mass-messages/mass-sends-page').then((m) => m.MassSendsPage),
  },
  {
    path: 'losses',
    loadComponent: () => import('./losses/customer-losses-page').then((m) => m.CustomerLossesPage),
  },
  {
    path: 'handovers',
    loadComponent: () => import('./handovers/resigned-handovers-page').then((m) => m.ResignedHandoversPage),
  },
  {
    path: 'onjob-transfers',
    loadComponent: () => import('./handovers/onjob-transfers-page').then((m) => m.OnjobTransfersPage),
  },
] satisfies Routes;
