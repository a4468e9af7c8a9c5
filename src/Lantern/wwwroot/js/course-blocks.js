// Course blocks that script improves. Without script each works as it is: slides read as a list of
// sections. With it, a deck shows one slide at a time, with Previous and Next buttons and the arrow
// keys, and says which slide is showing in a live region.
for (const deck of document.querySelectorAll('[data-module="lantern-slides"]')) {
  const slides = Array.from(deck.querySelectorAll('.lantern-slides__slide'))
  if (slides.length < 2) continue

  const controls = document.createElement('div')
  controls.className = 'govuk-button-group'
  const previous = button('Previous slide')
  const next = button('Next slide')
  const status = document.createElement('p')
  status.className = 'govuk-body lantern-slides__status'
  status.setAttribute('aria-live', 'polite')
  controls.append(previous, next, status)
  deck.querySelector('.lantern-slides__list').after(controls)
  deck.classList.add('lantern-slides--enhanced')

  let current = 0
  const show = (index) => {
    current = Math.max(0, Math.min(slides.length - 1, index))
    slides.forEach((slide, n) => { slide.hidden = n !== current })
    // aria-disabled, not disabled: a button that disables itself would drop the keyboard's focus.
    previous.setAttribute('aria-disabled', String(current === 0))
    next.setAttribute('aria-disabled', String(current === slides.length - 1))
    const title = slides[current].querySelector('h2, h3, h4, h5, h6')
    status.textContent = title ? title.textContent : `Slide ${current + 1} of ${slides.length}`
  }

  previous.addEventListener('click', () => show(current - 1))
  next.addEventListener('click', () => show(current + 1))
  deck.addEventListener('keydown', (event) => {
    if (event.target.closest('input, select, textarea')) return
    if (event.key === 'ArrowRight') { show(current + 1); event.preventDefault() }
    if (event.key === 'ArrowLeft') { show(current - 1); event.preventDefault() }
  })
  show(0)
}

function button (text) {
  const b = document.createElement('button')
  b.type = 'button'
  b.className = 'govuk-button govuk-button--secondary'
  b.textContent = text
  return b
}
