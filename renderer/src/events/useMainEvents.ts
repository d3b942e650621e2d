import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeToMain } from '../api';
import { routeMainEvent } from './route-event';
import { watchSavedToast } from './saved-toast';

/**
 * The window's one subscription to main's events, for as long as the app is
 * mounted: nothing in the renderer polls main for what these tell.
 */
export function useMainEvents(): void {
  const queries = useQueryClient();
  useEffect(() => {
    const stopToast = watchSavedToast(queries);
    const unsubscribe = subscribeToMain((event) => routeMainEvent(event, queries));
    return () => {
      unsubscribe();
      stopToast();
    };
  }, [queries]);
}
