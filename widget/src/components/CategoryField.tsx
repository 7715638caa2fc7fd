import { CATEGORIES } from '@snagbox/sdk/contract'
import { useWidget } from '../widget-context.js'

/** The kind of request, as four choices in plain words (a native radio group: arrows move). */
export function CategoryField() {
  const { state, t } = useWidget()
  const error = state.errors.value.category
  return (
    <fieldset
      class="field field--wide categories"
      aria-describedby={error ? 'category-error' : undefined}
    >
      <legend class="label">{t('categoryLegend')}</legend>
      <div class="categories__grid">
        {CATEGORIES.map((category) => (
          <label class="category" key={category}>
            <input
              type="radio"
              name="category"
              value={category}
              checked={state.category.value === category}
              onChange={() => (state.category.value = category)}
              aria-describedby={`category-${category}-hint`}
              data-autofocus={state.category.value === category ? '' : undefined}
            />
            <span class="category__text">
              <span class="category__name">{t(`category_${category}`)}</span>
              <span class="category__hint" id={`category-${category}-hint`}>
                {t(`category_${category}_hint`)}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id="category-error" class="error">
          {error}
        </p>
      )}
    </fieldset>
  )
}
